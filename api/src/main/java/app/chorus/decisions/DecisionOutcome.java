package app.chorus.decisions;

import java.time.Instant;
import java.util.List;

/**
 * What a closed decision decided, in a few values and one paragraph a parent can read.
 *
 * @param consultationId the consultation whose decision phase this was, or null
 * @param leaders the winning options (instant runoff: the winner; others: the most approved, points or mean; several
 *     on a tie); empty for consent
 * @param stands false when a quorum was not met or consent was not reached
 * @param ballots the standing ballots counted
 * @param eligible the units that could vote when it closed
 * @param explanation the result in plain words ("Option C won in round 3 after ...")
 */
public record DecisionOutcome(String decisionId, String consultationId, String schoolId, String question, Method method,
                              List<String> leaders, boolean stands, long ballots, long eligible, String explanation,
                              Instant closedAt) {

    public DecisionOutcome {
        leaders = List.copyOf(leaders);
    }
}
