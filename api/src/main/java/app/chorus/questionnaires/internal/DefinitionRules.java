package app.chorus.questionnaires.internal;

import app.chorus.questionnaires.AnswerError;
import app.chorus.questionnaires.DisplayCondition;
import app.chorus.questionnaires.Option;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.QuestionType;
import app.chorus.questionnaires.Questionnaire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes a questionnaire well formed. Ids become counter paths in the store, hence the narrow pattern. */
public final class DefinitionRules {

    public static final int MAX_TEXT_LENGTH = 5000;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private DefinitionRules() {
    }

    public static List<AnswerError> check(Questionnaire questionnaire) {
        List<AnswerError> errors = new ArrayList<>();
        Map<String, Question> earlier = new HashMap<>();
        if (questionnaire.questions().isEmpty()) {
            errors.add(new AnswerError(null, "no-questions", "Add at least one question."));
        }
        for (Question question : questionnaire.questions()) {
            checkQuestion(question, errors);
            if (question.showWhen() != null) {
                checkCondition(question, question.showWhen(), earlier, errors);
            }
            if (question.id() != null && earlier.putIfAbsent(question.id(), question) != null) {
                errors.add(new AnswerError(question.id(), "duplicate-id", "Two questions share this id."));
            }
        }
        return errors;
    }

    private static void checkQuestion(Question question, List<AnswerError> errors) {
        String id = question.id();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new AnswerError(id, "bad-id", "Question ids are 1-40 letters, digits, '-' or '_'."));
        }
        if (question.type() == null) {
            errors.add(new AnswerError(id, "no-type", "Say which type of question this is."));
            return;
        }
        if (question.text() == null || question.text().isBlank()) {
            errors.add(new AnswerError(id, "no-text", "Write the question."));
        }
        checkOptions(question, errors);
        checkRanges(question, errors);
    }

    private static void checkOptions(Question question, List<AnswerError> errors) {
        QuestionType type = question.type();
        boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE
            || type == QuestionType.RANKING;
        List<Option> options = question.options();
        if (choice && options.size() < 2) {
            errors.add(new AnswerError(question.id(), "too-few-options", "Give at least two options."));
        }
        if (type == QuestionType.LIKERT && !isLikertScale(options)) {
            errors.add(new AnswerError(question.id(), "likert-scale", "A Likert question has five labelled points with ids 1 to 5."));
        }
        if (!choice && type != QuestionType.LIKERT && !options.isEmpty()) {
            errors.add(new AnswerError(question.id(), "options-not-allowed", "This type of question has no options."));
        }
        Set<String> ids = new HashSet<>();
        for (Option option : options) {
            if (option.id() == null || !ID.matcher(option.id()).matches() || !ids.add(option.id())) {
                errors.add(new AnswerError(question.id(), "bad-option-id", "Option ids are unique, 1-40 letters, digits, '-' or '_'."));
            }
            if (option.label() == null || option.label().isBlank()) {
                errors.add(new AnswerError(question.id(), "no-option-label", "Every option needs a label."));
            }
        }
    }

    private static boolean isLikertScale(List<Option> options) {
        if (options.size() != 5) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!String.valueOf(i + 1).equals(options.get(i).id())) {
                return false;
            }
        }
        return true;
    }

    private static void checkRanges(Question question, List<AnswerError> errors) {
        switch (question.type()) {
            case MULTIPLE_CHOICE -> {
                int min = question.effectiveMinPicks();
                int max = question.effectiveMaxPicks();
                if (min < 1 || max < min || max > question.options().size()) {
                    errors.add(new AnswerError(question.id(), "bad-picks", "Need 1 <= minPicks <= maxPicks <= number of options."));
                }
            }
            case NUMBER -> {
                if (question.min() == null || question.max() == null || question.min() > question.max()) {
                    errors.add(new AnswerError(question.id(), "bad-range", "Give min and max with min <= max."));
                }
            }
            case FREE_TEXT -> {
                Integer max = question.maxLength();
                if (max == null || max < 1 || max > MAX_TEXT_LENGTH) {
                    errors.add(new AnswerError(question.id(), "bad-length", "Give maxLength from 1 to " + MAX_TEXT_LENGTH + "."));
                }
            }
            default -> {
            }
        }
    }

    private static void checkCondition(Question question, DisplayCondition condition, Map<String, Question> earlier,
                                       List<AnswerError> errors) {
        Question source = earlier.get(condition.questionId());
        if (source == null) {
            errors.add(new AnswerError(question.id(), "bad-condition", "A display condition must refer to an earlier question."));
            return;
        }
        if (source.type() == QuestionType.FREE_TEXT || condition.anyOf().isEmpty()) {
            errors.add(new AnswerError(question.id(), "bad-condition", "Conditions match listed values of a non-text question."));
        }
    }
}
