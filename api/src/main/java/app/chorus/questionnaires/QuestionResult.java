package app.chorus.questionnaires;

import java.util.Map;

/**
 * Results of one question for one group of respondents.
 *
 * @param answered      how many answered it
 * @param counts        picks per option id (choice, ranking first places are not counted here), or per value
 *                      ("1".."5" Likert, "0".."10" rating)
 * @param mean          Likert, rating and number; null otherwise or when nobody answered
 * @param nps           rating questions with NPS: % promoters (9-10) minus % detractors (0-6)
 * @param rankingPoints ranking: points per option (first of k ranked gets k, ...)
 */
public record QuestionResult(String questionId, QuestionType type, long answered, Map<String, Long> counts,
                             Double mean, Double nps, Map<String, Long> rankingPoints) {
}
