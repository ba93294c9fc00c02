package app.chorus.questionnaires.internal;

import app.chorus.questionnaires.AnswerError;
import app.chorus.questionnaires.Question;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Type and range checks for one answer; returns the normalised value, or null after adding errors. */
final class AnswerValues {

    private AnswerValues() {
    }

    static Object normalise(Question question, Object raw, List<AnswerError> errors) {
        return switch (question.type()) {
            case SINGLE_CHOICE -> option(question, raw, errors);
            case MULTIPLE_CHOICE -> picks(question, raw, errors);
            case LIKERT -> whole(question, raw, 1, 5, errors);
            case RATING -> whole(question, raw, 0, 10, errors);
            case NUMBER -> decimal(question, raw, errors);
            case FREE_TEXT -> text(question, raw, errors);
            case RANKING -> ranking(question, raw, errors);
        };
    }

    static String text(Object value) {
        if (value instanceof Number number) {
            BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
            return decimal.scale() <= 0 ? decimal.toBigInteger().toString() : decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    private static Object option(Question question, Object raw, List<AnswerError> errors) {
        if (!(raw instanceof String id)) {
            return refuse(question, "wrong-type", "Answer with one option id (a string).", errors);
        }
        if (!question.hasOption(id)) {
            return refuse(question, "unknown-option", "'" + id + "' is not an option of this question.", errors);
        }
        return id;
    }

    private static Object picks(Question question, Object raw, List<AnswerError> errors) {
        List<String> ids = distinctOptions(question, raw, errors);
        if (ids == null) {
            return null;
        }
        if (ids.size() > question.effectiveMaxPicks()) {
            return refuse(question, "too-many-picks", "Pick at most " + question.effectiveMaxPicks() + ".", errors);
        }
        if (ids.size() < question.effectiveMinPicks()) {
            return refuse(question, "too-few-picks", "Pick at least " + question.effectiveMinPicks() + ".", errors);
        }
        return ids;
    }

    private static Object ranking(Question question, Object raw, List<AnswerError> errors) {
        List<String> ids = distinctOptions(question, raw, errors);
        if (ids != null && ids.isEmpty()) {
            return refuse(question, "too-few-picks", "Rank at least one option.", errors);
        }
        return ids;
    }

    private static List<String> distinctOptions(Question question, Object raw, List<AnswerError> errors) {
        if (!(raw instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            refuse(question, "wrong-type", "Answer with a list of option ids.", errors);
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Object item : list) {
            String id = (String) item;
            if (!question.hasOption(id)) {
                refuse(question, "unknown-option", "'" + id + "' is not an option of this question.", errors);
                return null;
            }
            if (!ids.add(id)) {
                refuse(question, "duplicate-option", "'" + id + "' is given more than once.", errors);
                return null;
            }
        }
        return new ArrayList<>(ids);
    }

    private static Object whole(Question question, Object raw, int min, int max, List<AnswerError> errors) {
        if (!(raw instanceof Number number) || !Double.isFinite(number.doubleValue()) || !isWhole(number)) {
            return refuse(question, "wrong-type", "Answer with a whole number from " + min + " to " + max + ".", errors);
        }
        long value = number.longValue();
        if (value < min || value > max) {
            return refuse(question, "out-of-range", "Answer with a whole number from " + min + " to " + max + ".", errors);
        }
        return (int) value;
    }

    private static Object decimal(Question question, Object raw, List<AnswerError> errors) {
        if (!(raw instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            return refuse(question, "wrong-type", "Answer with a number.", errors);
        }
        BigDecimal value = new BigDecimal(number.toString()).stripTrailingZeros();
        if (value.scale() > 2) {
            return refuse(question, "too-precise", "Use at most two decimals.", errors);
        }
        double decimal = value.doubleValue();
        if ((question.min() != null && decimal < question.min()) || (question.max() != null && decimal > question.max())) {
            return refuse(question, "out-of-range", "Answer with a number from " + text(question.min()) + " to "
                + text(question.max()) + ".", errors);
        }
        return decimal;
    }

    private static Object text(Question question, Object raw, List<AnswerError> errors) {
        if (!(raw instanceof String text)) {
            return refuse(question, "wrong-type", "Answer with text.", errors);
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return refuse(question, "empty", "Write something, or leave the question out.", errors);
        }
        if (trimmed.codePointCount(0, trimmed.length()) > question.maxLength()) {
            return refuse(question, "too-long", "Write at most " + question.maxLength() + " characters.", errors);
        }
        return trimmed;
    }

    private static boolean isWhole(Number number) {
        return new BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0;
    }

    private static Object refuse(Question question, String code, String message, List<AnswerError> errors) {
        errors.add(new AnswerError(question.id(), code, message));
        return null;
    }
}
