package app.chorus.questionnaires;

import java.util.List;

/**
 * One question. Fields that do not apply to a type are null.
 *
 * @param options   choices (single, multiple, ranking) or the five Likert labels (ids "1".."5")
 * @param minPicks  multiple choice: fewest picks when answered (default 1)
 * @param maxPicks  multiple choice: most picks (default all options)
 * @param min       number: lowest accepted value
 * @param max       number: highest accepted value
 * @param maxLength free text: longest accepted answer in characters
 * @param nps       rating: report a Net Promoter Score
 * @param showWhen  display condition, or null to always show
 */
public record Question(String id, QuestionType type, String text, Boolean required, List<Option> options,
                      Integer minPicks, Integer maxPicks, Double min, Double max, Integer maxLength, Boolean nps,
                      DisplayCondition showWhen) {

    public static final List<String> DEFAULT_LIKERT_LABELS =
        List.of("Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree");

    public Question {
        required = Boolean.TRUE.equals(required);
        options = options == null || options.isEmpty() && type == QuestionType.LIKERT ? defaultLikert(type)
            : List.copyOf(options);
    }

    /** A Likert question sent without labels gets the standard agree/disagree scale. */
    private static List<Option> defaultLikert(QuestionType type) {
        if (type != QuestionType.LIKERT) {
            return List.of();
        }
        List<Option> labels = new java.util.ArrayList<>();
        for (int i = 0; i < DEFAULT_LIKERT_LABELS.size(); i++) {
            labels.add(new Option(String.valueOf(i + 1), DEFAULT_LIKERT_LABELS.get(i)));
        }
        return List.copyOf(labels);
    }

    public static Question singleChoice(String id, String text, boolean required, Option... options) {
        return new Question(id, QuestionType.SINGLE_CHOICE, text, required, List.of(options), null, null, null, null, null, null, null);
    }

    public static Question multipleChoice(String id, String text, boolean required, int minPicks, int maxPicks, Option... options) {
        return new Question(id, QuestionType.MULTIPLE_CHOICE, text, required, List.of(options), minPicks, maxPicks, null, null, null, null, null);
    }

    public static Question likert(String id, String text, boolean required) {
        return new Question(id, QuestionType.LIKERT, text, required, List.of(), null, null, null, null, null, null, null);
    }

    public static Question rating(String id, String text, boolean required, boolean nps) {
        return new Question(id, QuestionType.RATING, text, required, List.of(), null, null, null, null, null, nps, null);
    }

    public static Question number(String id, String text, boolean required, double min, double max) {
        return new Question(id, QuestionType.NUMBER, text, required, List.of(), null, null, min, max, null, null, null);
    }

    public static Question freeText(String id, String text, boolean required, int maxLength) {
        return new Question(id, QuestionType.FREE_TEXT, text, required, List.of(), null, null, null, null, maxLength, null, null);
    }

    public static Question ranking(String id, String text, boolean required, Option... options) {
        return new Question(id, QuestionType.RANKING, text, required, List.of(options), null, null, null, null, null, null, null);
    }

    /** The same question shown only when {@code questionId} was answered with one of {@code values}. */
    public Question shownWhen(String questionId, String... values) {
        return new Question(id, type, text, required, options, minPicks, maxPicks, min, max, maxLength, nps,
            new DisplayCondition(questionId, List.of(values)));
    }

    public boolean hasOption(String optionId) {
        return options.stream().anyMatch(option -> option.id().equals(optionId));
    }

    public int effectiveMinPicks() {
        return minPicks == null ? 1 : minPicks;
    }

    public int effectiveMaxPicks() {
        return maxPicks == null ? options.size() : maxPicks;
    }

    public boolean reportsNps() {
        return Boolean.TRUE.equals(nps);
    }
}
