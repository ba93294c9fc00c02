package app.chorus.decisions;

import app.chorus.directory.Audience;
import java.time.Instant;

/**
 * A decision opened for ballots. Published at least once per {@code decisionId} (the decision records when every
 * listener confirmed it and re-publishes otherwise): listeners are idempotent on {@code decisionId}.
 *
 * @param consultationId the consultation whose decision phase this opens, or null for a decision of its own
 * @param schoolId the school deciding, or null for a trust-wide decision
 * @param audience who may vote
 */
public record DecisionOpened(String decisionId, String consultationId, String schoolId, Audience audience,
                             String question, Instant closesAt) {
}
