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
public record ResultsView(String decisionId, Method method, DecisionStatus status, boolean hidden, boolean suppressed,
                          Long ballots, Map<String, Object> figures, Breakdown breakdown, DecisionOutcome outcome,
                          JsonNode count) {

    /** Figures per group; a suppressed group shows neither its ballots nor its figures. */
    public record Breakdown(String by, int minimum, List<Group> groups) {
    }

    public record Group(String group, boolean suppressed, Long ballots, Map<String, Object> figures) {
    }
}
