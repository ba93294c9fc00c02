package app.chorus.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The api's clock: real time, which a test may move forward (the digest hour) and must put back afterwards. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

    @Bean
    MovableClock movableClock() {
        return new MovableClock();
    }

    public static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        public void moveTo(Instant at) {
            offset = Duration.between(Instant.now(), at);
        }

        public void advance(Duration by) {
            offset = offset.plus(by);
        }

        public void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the api works in UTC instants");
        }
    }
}
