package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.ReachFeedback;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * When a push FCM could not take is tried again, and when it is given up (ADR 0343): retried with a capped,
 * jittered exponential backoff for as long as the message matters (its expiry), never sooner than FCM's Retry-After;
 * given up only when FCM refuses it for good or it has expired. Each giving-up is counted
 * ({@code chorus.push.given.up}, tagged by reason) and shown to the leader with the announcement's reach. The email
 * fallback's are counted apart ({@code chorus.email.given.up}; {@code emailNotSent}, {@code emailExpired} in the
 * reach): an email not sent (no address on record, no mail server) is not a push FCM refused (ADR 0415).
 */
@Component("notificationsRetrySchedule")
class RetrySchedule {

    static final String EXPIRED = "expired";
    static final String REFUSED = "refused";
    private static final String EMAIL = "email";
    private static final String EMAIL_EXPIRED = "emailExpired";
    private static final String EMAIL_NOT_SENT = "emailNotSent";
    private static final Logger log = LoggerFactory.getLogger(RetrySchedule.class);

    private final PushProperties properties;
    private final ReachFeedback reach;
    /** Counters by the reason a leader is shown: pushes' reasons as they are, the email fallback's apart (ADR 0415). */
    private final Map<String, Counter> givenUp;

    RetrySchedule(PushProperties properties, ReachFeedback reach, ObjectProvider<MeterRegistry> registry) {
        this.properties = properties;
        this.reach = reach;
        MeterRegistry meters = registry.getIfAvailable(SimpleMeterRegistry::new);
        String pushes = "Pushes given up: expired before FCM took them, or refused by FCM for good";
        String emails = "Fallback emails given up: expired before the mail server took them, or not sendable (no address, no mail server)";
        this.givenUp = Map.of(
            EXPIRED, counter(meters, "chorus.push.given.up", EXPIRED, pushes),
            REFUSED, counter(meters, "chorus.push.given.up", REFUSED, pushes),
            EMAIL_EXPIRED, counter(meters, "chorus.email.given.up", EXPIRED, emails),
            EMAIL_NOT_SENT, counter(meters, "chorus.email.given.up", REFUSED, emails));
    }

    private static Counter counter(MeterRegistry meters, String name, String reason, String description) {
        return Counter.builder(name).tag("reason", reason).description(description).register(meters);
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

    /**
     * Records messages of {@code channel} given up for {@code reason}; the leader's report is best effort (the batch
     * holds the truth).
     */
    void gaveUp(PushMessage message, String channel, String reason, int count) {
        if (count == 0) {
            return;
        }
        boolean expiredNow = EXPIRED.equals(reason);
        String shown = !EMAIL.equals(channel) ? reason : expiredNow ? EMAIL_EXPIRED : EMAIL_NOT_SENT;
        givenUp.get(shown).increment(count);
        if (expiredNow) {
            log.warn("{} {} messages of {} given up: not taken before they expired (chorus.push.message-lifetime {})",
                count, channel, message.fanOutId(), properties.messageLifetime());
        }
        reach.givenUp(message, shown, count)
            .doOnError(e -> log.warn("Could not show {} messages given up to the leaders of {}: {}", count, message.fanOutId(), e.getMessage()))
            .onErrorComplete()
            .block();
    }
}
