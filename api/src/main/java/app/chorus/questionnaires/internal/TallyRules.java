package app.chorus.questionnaires.internal;

import app.chorus.questionnaires.Option;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.QuestionResult;
import app.chorus.questionnaires.QuestionType;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Tally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How answers count into counters, and how counters read as results. */
public final class TallyRules {

    private TallyRules() {
    }

    public static Tally count(Questionnaire questionnaire, Map<String, ?> answers) {
        Map<String, Long> counters = new TreeMap<>();
        counters.put(Tally.RESPONDENTS, 1L);
        for (Question question : questionnaire.questions()) {
            Object answer = answers.get(question.id());
            if (answer != null) {
                counters.put(Tally.prefix(question.id()) + "n", 1L);
                countAnswer(question, answer, counters);
            }
        }
        return new Tally(counters);
    }

    private static void countAnswer(Question question, Object answer, Map<String, Long> counters) {
        String q = Tally.prefix(question.id());
        switch (question.type()) {
            case SINGLE_CHOICE -> counters.put(q + "o." + answer, 1L);
            case MULTIPLE_CHOICE -> ((List<?>) answer).forEach(pick -> counters.put(q + "o." + pick, 1L));
            case LIKERT, RATING -> counters.put(q + "v." + ((Number) answer).intValue(), 1L);
            case NUMBER -> counters.put(q + "s", Math.round(((Number) answer).doubleValue() * 100));
            case RANKING -> {
                List<?> ranked = (List<?>) answer;
                for (int i = 0; i < ranked.size(); i++) {
                    counters.put(q + "r." + ranked.get(i), (long) (ranked.size() - i));
                }
            }
            case FREE_TEXT -> {
            }
        }
    }

    public static List<QuestionResult> results(Questionnaire questionnaire, Tally tally) {
        List<QuestionResult> results = new ArrayList<>();
        for (Question question : questionnaire.questions()) {
            results.add(result(question, tally));
        }
        return results;
    }

    private static QuestionResult result(Question question, Tally tally) {
        String q = question.id();
        long answered = tally.get(Tally.prefix(q) + "n");
        return switch (question.type()) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE ->
                new QuestionResult(q, question.type(), answered, perOption(question, tally, "o."), null, null, null);
            case LIKERT -> scale(question, tally, answered, 1, 5);
            case RATING -> scale(question, tally, answered, 0, 10);
            case NUMBER -> new QuestionResult(q, question.type(), answered, null,
                answered == 0 ? null : tally.get(Tally.prefix(q) + "s") / 100.0 / answered, null, null);
            case RANKING -> new QuestionResult(q, question.type(), answered, null, null, null, perOption(question, tally, "r."));
            case FREE_TEXT -> new QuestionResult(q, question.type(), answered, null, null, null, null);
        };
    }

    private static Map<String, Long> perOption(Question question, Tally tally, String infix) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Option option : question.options()) {
            counts.put(option.id(), tally.get(Tally.prefix(question.id()) + infix + option.id()));
        }
        return counts;
    }

    private static QuestionResult scale(Question question, Tally tally, long answered, int from, int to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        long weighted = 0;
        for (int value = from; value <= to; value++) {
            long count = tally.get(Tally.prefix(question.id()) + "v." + value);
            counts.put(String.valueOf(value), count);
            weighted += count * value;
        }
        Double mean = answered == 0 ? null : (double) weighted / answered;
        Double nps = null;
        if (question.type() == QuestionType.RATING && question.reportsNps() && answered > 0) {
            long promoters = counts.get("9") + counts.get("10");
            long detractors = 0;
            for (int value = 0; value <= 6; value++) {
                detractors += counts.get(String.valueOf(value));
            }
            nps = 100.0 * (promoters - detractors) / answered;
        }
        return new QuestionResult(question.id(), question.type(), answered, counts, mean, nps, null);
    }
}
