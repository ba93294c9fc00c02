package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.ReachFeedback;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a push FCM could not take is tried again, and when it is given up (ADR 0343): retried with a capped,
 * jittered exponential backoff for as long as the message matters (its expiry), never sooner than FCM's Retry-After;
 * given up only when FCM refuses it for good or it has expired. Each giving-up is counted
 * ({@code chorus.push.given.up}, tagged by reason) and shown to the leader with the announcement's reach.
 */
@Component("notificationsRetrySchedule")
class RetrySchedule {

    static final String EXPIRED = "expired";
    static final String REFUSED = "refused";
    private static final Logger log = LoggerFactory.getLogger(RetrySchedule.class);

    private final PushProperties properties;
    private final ReachFeedback reach;
    private final Counter expired;
    private final Counter refused;

    RetrySchedule(PushProperties properties, ReachFeedback reach, ObjectProvider<MeterRegistry> registry) {
        this.properties = properties;
        this.reach = reach;
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        this.expired = givenUp(meters, EXPIRED);
        this.refused = givenUp(meters, REFUSED);
    }

    private static Counter givenUp(MeterRegistry meters, String reason) {
        return Counter.builder("chorus.push.given.up").tag("reason", reason)
            .description("Pushes given up: expired before FCM took them, or refused by FCM for good").register(meters);
    }

    /** The next attempt after {@code attempts} failed ones: backoff or Retry-After, whichever is later, but never after expiry. */
    Instant retryAt(Instant now, int attempts, Duration retryAfter, Instant expiresAt) {
        Instant next = now.plus(backoff(attempts, retryAfter));
        return next.isAfter(expiresAt) ? expiresAt : next;
    }

    Duration backoff(int attempts, Duration retryAfter) {
        long cap = properties.maxBackoff().toMillis();
        long base = Math.min(properties.retryBackoff().toMillis() << Math.min(Math.max(attempts - 1, 0), 30), cap);
        long jittered = (long) (base * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        return retryAfter.toMillis() > jittered ? retryAfter : Duration.ofMillis(jittered);
    }

    /** Records pushes given up for {@code reason}; the leader's report is best effort (the batch holds the truth). */
    void gaveUp(PushMessage message, String reason, int count) {
        if (count == 0) {
            return;
        }
        (EXPIRED.equals(reason) ? expired : refused).increment(count);
        if (EXPIRED.equals(reason)) {
            log.warn("{} pushes of {} given up: FCM could not take them before they expired (chorus.push.message-lifetime {})",
                count, message.fanOutId(), properties.messageLifetime());
        }
        reach.givenUp(message, reason, count)
            .doOnError(e -> log.warn("Could not show {} pushes given up to the leaders of {}: {}", count, message.fanOutId(), e.getMessage()))
            .onErrorComplete()
            .block();
    }
}
