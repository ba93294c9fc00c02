package app.chorus.decisions.internal;

import app.chorus.decisions.DecisionOutcome;
import app.chorus.decisions.Method;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A decision's results as one reader may see them.
 *
 * @param hidden true while results are hidden until close: nothing else is given
 * @param suppressed true when fewer ballots than the smallest group shown stand behind the figures
 * @param figures per method: {@code approvals} and {@code abstentions}; {@code scores} (mean and distribution 0-5);
 *     {@code positions}; {@code firstPreferences} (and {@code points} for Borda)
 * @param outcome once counted
 * @param count once counted: the count in full (instant runoff: RCTab's detailed report with every round)
 */
public record DecisionResultsView(String decisionId, Method method, DecisionStatus status, boolean hidden, boolean suppressed,
                          Long ballots, Map<String, Object> figures, ResultsBreakdown breakdown, DecisionOutcome outcome,
                          JsonNode count) {

    /** Figures per group (a school by its name); a suppressed group shows neither its ballots nor its figures. */
    public record ResultsBreakdown(String by, int minimum, List<ResultsGroup> groups) {
    }

    /** @param label the group in words: a school's name, a year group, a role */
    public record ResultsGroup(String group, String label, boolean suppressed, Long ballots, Map<String, Object> figures) {
    }
}
