package app.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An api instance with nothing to send looks in the store for due batches with one of its fan-out workers, every poll
 * interval (100 ms here); its other workers wait to be woken. Three workers each looking every interval made every
 * idle replica cost the store three times as much (issue 28's replicas: about 50 ms of CPU a second per idle instance).
 */
@NotificationsTest
class IdleInstanceLooksForWorkOncePerPollTests {

    private static final Duration WATCHED = Duration.ofSeconds(4);

    @Autowired
    BatchClaims claims;

    @Test
    void anIdleInstanceLooksForDueBatchesAboutOncePerPollIntervalNotOncePerWorker() {
        long before = claims.foundNothing();
        await().pollDelay(WATCHED).atMost(WATCHED.plusSeconds(30)).until(() -> true);
        double perSecond = (claims.foundNothing() - before) / (double) WATCHED.toSeconds();

        assertThat(perSecond).as("looks that found nothing, per second (one watcher: about 10; three workers: about 30)")
            .isGreaterThan(2).isLessThan(18);
    }
}
