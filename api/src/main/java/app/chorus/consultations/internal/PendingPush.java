package app.chorus.consultations.internal;

import java.time.Instant;

/**
 * A push a consultation still owes its people (the outcome, or one revision of an action), stored on the consultation
 * with the change itself and cleared once the notifications module has taken the fan-out over.
 *
 * @param key   {@code outcome} or {@code action:ID:REVISION}, which is also what the fan-out is keyed by
 * @param since when the change was saved (a sweep re-publishes pushes owed for longer than a grace period)
 */
public record PendingPush(String key, Instant since) {

    static final String OUTCOME = "outcome";

    static PendingPush outcome(Instant now) {
        return new PendingPush(OUTCOME, now);
    }

    static PendingPush action(String actionId, int revision, Instant now) {
        return new PendingPush("action:" + actionId + ":" + revision, now);
    }
}
