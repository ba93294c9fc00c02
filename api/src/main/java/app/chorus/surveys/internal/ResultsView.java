package app.chorus.surveys.internal;

import app.chorus.questionnaires.QuestionResult;
import app.chorus.surveys.Anonymity;
import java.util.List;

/**
 * Results read from the tallies. {@code overall} is the whole survey (for a trust-wide survey: the trust average
 * every school is shown beside). When fewer than {@code minimumGroupSize} people answered an anonymous or
 * confidential survey, nothing is shown: {@code suppressed}, no respondents, no results, every group hidden.
 */
public record ResultsView(String surveyId, String title, Anonymity anonymity, SurveyStatus status, boolean suppressed,
                          int minimumGroupSize, Long respondents, List<QuestionResult> overall, BreakdownView breakdown) {

    /** Groups of one dimension; a suppressed group shows neither its respondents nor its results. */
    public record BreakdownView(Breakdown by, int minimumGroupSize, List<GroupView> groups) {
    }

    public record GroupView(String key, String label, boolean suppressed, Long respondents, List<QuestionResult> results) {
    }
}
