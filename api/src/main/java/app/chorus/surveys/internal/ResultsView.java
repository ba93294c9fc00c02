package app.chorus.surveys.internal;

import app.chorus.questionnaires.QuestionResult;
import app.chorus.surveys.Anonymity;
import java.util.List;

/**
 * Results read from the tallies. {@code overall} is the whole survey (for a trust-wide survey: the trust average
 * every school is shown beside).
 */
public record ResultsView(String surveyId, String title, Anonymity anonymity, SurveyStatus status, long respondents,
                          List<QuestionResult> overall, BreakdownView breakdown) {

    /** Groups of one dimension; a suppressed group shows neither its respondents nor its results. */
    public record BreakdownView(Breakdown by, int minimumGroupSize, List<GroupView> groups) {
    }

    public record GroupView(String key, String label, boolean suppressed, Long respondents, List<QuestionResult> results) {
    }
}
