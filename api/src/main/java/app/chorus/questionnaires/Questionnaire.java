package app.chorus.questionnaires;

import app.chorus.questionnaires.internal.AnswerRules;
import app.chorus.questionnaires.internal.DefinitionRules;
import app.chorus.questionnaires.internal.RevisionRules;
import app.chorus.questionnaires.internal.TallyRules;
import app.chorus.shared.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Questions in sections, with display conditions, and the rules every user of the engine shares: which answers
 * are valid, which questions are visible, how an answer set counts into a {@link Tally}, and which revisions keep
 * the meaning of answered questions.
 */
public record Questionnaire(List<Section> sections) {

    public Questionnaire {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public static Questionnaire of(Section... sections) {
        return new Questionnaire(List.of(sections));
    }

    public List<Question> questions() {
        return sections.stream().flatMap(section -> section.questions().stream()).toList();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** Fails with a 400 problem listing every mistake in the definition (ids, options, ranges, conditions). */
    public Questionnaire requireWellFormed() {
        List<AnswerError> errors = DefinitionRules.check(this);
        if (!errors.isEmpty()) {
            throw Problem.badRequest("invalid-questionnaire", "The questionnaire has mistakes: see 'errors'.")
                .with("errors", errors);
        }
        return this;
    }

    /**
     * Checks and normalises an answer set. A complete (submitted) set must answer every visible required
     * question; a draft need not. Either way an answer to an unknown or hidden question, of the wrong type or out
     * of range fails with a 400 problem listing every error.
     *
     * @return answers in question order, values normalised (choice: option id; multiple choice and ranking: a
     *         list of option ids; Likert and rating: a whole number; number: a decimal; text: trimmed text)
     */
    public Map<String, Object> validate(Map<String, ?> answers, boolean complete) {
        return AnswerRules.validate(this, answers, complete);
    }

    /** Ids of the questions shown for these (already valid) answers. */
    public Set<String> visibleQuestions(Map<String, ?> answers) {
        return AnswerRules.visible(this, answers);
    }

    /** What one valid, submitted answer set adds to the counters. */
    public Tally tally(Map<String, ?> validAnswers) {
        return TallyRules.count(this, validAnswers);
    }

    /** Per-question results read from counters (never from individual answers). */
    public List<QuestionResult> results(Tally tally) {
        return TallyRules.results(this, tally);
    }

    /**
     * Fails with a 409 problem when {@code revised} would change what existing answers mean: a question removed,
     * its type, range or condition changed, an option removed or moved. Wording fixes, new options at the end
     * and new optional questions are fine.
     */
    public void requireSameMeaning(Questionnaire revised) {
        List<AnswerError> errors = RevisionRules.check(this, revised);
        if (!errors.isEmpty()) {
            throw Problem.conflict("questionnaire-meaning-changed",
                    "Answers already exist and this change would alter what they mean. Keep the change to wording and "
                        + "new options at the end, or create a new survey version.")
                .with("errors", errors);
        }
    }
}
