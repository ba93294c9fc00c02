package app.chorus.questionnaires;

/** Why one answer (or one part of a questionnaire definition) was refused; {@code code} is stable. */
public record AnswerError(String questionId, String code, String message) {
}
