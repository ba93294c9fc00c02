package app.chorus.decisions.internal;

import java.time.Instant;

/**
 * What the voter gets back.
 *
 * @param changed true when this ballot replaced the unit's earlier one
 * @param replayed true when the same Idempotency-Key was sent again: nothing new was written
 * @param castAt null for anonymous ballots (not stored)
 */
public record BallotReceipt(String decisionId, String unit, boolean changed, boolean replayed, Instant castAt, String note) {
}
