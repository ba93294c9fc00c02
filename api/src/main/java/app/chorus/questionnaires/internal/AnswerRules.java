package app.chorus.questionnaires.internal;

import app.chorus.questionnaires.AnswerError;
import app.chorus.questionnaires.DisplayCondition;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.shared.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Answer validation and display conditions, evaluated on the server in question order. */
public final class AnswerRules {

    private AnswerRules() {
    }

    public static Map<String, Object> validate(Questionnaire questionnaire, Map<String, ?> answers, boolean complete) {
        List<AnswerError> errors = new ArrayList<>();
        Set<String> known = new HashSet<>();
        Map<String, Object> valid = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            known.add(question.id());
            boolean shown = isShown(question, valid);
            Object raw = answers.get(question.id());
            if (raw == null) {
                if (shown && complete && question.required()) {
                    errors.add(new AnswerError(question.id(), "required", "This question needs an answer."));
                }
            } else if (!shown) {
                errors.add(new AnswerError(question.id(), "hidden-question",
                    "This question is not shown for your earlier answers, so it cannot be answered."));
            } else {
                Object value = AnswerValues.normalise(question, raw, errors);
                if (value != null) {
                    valid.put(question.id(), value);
                }
            }
        }
        answers.keySet().stream().filter(id -> !known.contains(id)).forEach(id ->
            errors.add(new AnswerError(id, "unknown-question", "There is no question with this id.")));
        if (!errors.isEmpty()) {
            throw Problem.badRequest("invalid-answers", "Some answers were refused: see 'errors'. Nothing was saved.")
                .with("errors", errors);
        }
        return valid;
    }

    public static Set<String> visible(Questionnaire questionnaire, Map<String, ?> answers) {
        Set<String> visible = new LinkedHashSet<>();
        Map<String, Object> shownAnswers = new LinkedHashMap<>();
        for (Question question : questionnaire.questions()) {
            if (isShown(question, shownAnswers)) {
                visible.add(question.id());
                Object answer = answers.get(question.id());
                if (answer != null) {
                    shownAnswers.put(question.id(), answer);
                }
            }
        }
        return visible;
    }

    /** Shown when unconditional, or when the earlier (shown and answered) question matches the condition. */
    private static boolean isShown(Question question, Map<String, Object> earlierShownAnswers) {
        DisplayCondition condition = question.showWhen();
        if (condition == null) {
            return true;
        }
        Object earlier = earlierShownAnswers.get(condition.questionId());
        if (earlier == null) {
            return false;
        }
        if (earlier instanceof List<?> picks) {
            return picks.stream().anyMatch(pick -> condition.anyOf().contains(AnswerValues.text(pick)));
        }
        return condition.anyOf().contains(AnswerValues.text(earlier));
    }
}
