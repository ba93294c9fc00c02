package app.chorus.surveys.internal;

/**
 * The answer to a submission.
 *
 * @param responseId the stored response, or null for anonymous surveys (nothing links you to it)
 * @param replayed   true when this repeats an earlier submission with the same Idempotency-Key
 */
public record SubmissionReceipt(String surveyId, String unit, String responseId, boolean replayed) {
}
