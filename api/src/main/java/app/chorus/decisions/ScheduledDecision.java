package app.chorus.decisions;

import app.chorus.directory.Audience;
import java.time.Instant;

/**
 * A decision of its own (not a consultation's decision phase) open now or planned: an ask of its audience over a time,
 * for the consultation fatigue calendar.
 *
 * @param schoolId the school deciding, or null for a trust-wide decision
 * @param opensAt  when it opens or opened
 */
public record ScheduledDecision(String decisionId, String question, String schoolId, Audience audience, Instant opensAt,
                                Instant closesAt) {
}
