package app.chorus.decisions;

/**
 * A decision closed and counted; {@code outcome} is its results summary. Published at least once per
 * {@code decisionId}, like {@link DecisionOpened}.
 */
public record DecisionClosed(String decisionId, String consultationId, String schoolId, DecisionOutcome outcome) {
}
