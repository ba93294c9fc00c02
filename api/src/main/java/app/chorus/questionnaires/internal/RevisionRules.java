package app.chorus.questionnaires.internal;

import app.chorus.questionnaires.AnswerError;
import app.chorus.questionnaires.Option;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which edits keep the meaning of answers already given: wording, option labels, options added at the end and new
 * optional questions. Anything else needs a new version.
 */
public final class RevisionRules {

    private RevisionRules() {
    }

    public static List<AnswerError> check(Questionnaire current, Questionnaire revised) {
        List<AnswerError> errors = new ArrayList<>();
        for (Question before : current.questions()) {
            revised.question(before.id()).ifPresentOrElse(
                after -> compare(before, after, errors),
                () -> errors.add(new AnswerError(before.id(), "question-removed", "An answered question cannot be removed.")));
        }
        for (Question added : revised.questions()) {
            if (current.question(added.id()).isEmpty() && added.required()) {
                errors.add(new AnswerError(added.id(), "required-question-added",
                    "A question added after answers exist must be optional."));
            }
        }
        return errors;
    }

    private static void compare(Question before, Question after, List<AnswerError> errors) {
        String id = before.id();
        if (before.type() != after.type()) {
            errors.add(new AnswerError(id, "type-changed", "The type of an answered question cannot change."));
            return;
        }
        List<String> beforeIds = before.options().stream().map(Option::id).toList();
        List<String> afterIds = after.options().stream().map(Option::id).toList();
        if (afterIds.size() < beforeIds.size() || !afterIds.subList(0, beforeIds.size()).equals(beforeIds)) {
            errors.add(new AnswerError(id, "options-changed", "Options can only be added at the end; none removed or moved."));
        }
        boolean sameRange = Objects.equals(before.minPicks(), after.minPicks()) && Objects.equals(before.maxPicks(), after.maxPicks())
            && Objects.equals(before.min(), after.min()) && Objects.equals(before.max(), after.max())
            && Objects.equals(before.maxLength(), after.maxLength()) && Objects.equals(before.required(), after.required())
            && before.reportsNps() == after.reportsNps();
        if (!sameRange) {
            errors.add(new AnswerError(id, "rules-changed", "Limits and whether it is required cannot change once answered."));
        }
        if (!Objects.equals(before.showWhen(), after.showWhen())) {
            errors.add(new AnswerError(id, "condition-changed", "The display condition of an answered question cannot change."));
        }
    }
}
