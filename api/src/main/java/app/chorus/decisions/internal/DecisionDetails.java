package app.chorus.decisions.internal;

import app.chorus.decisions.Method;
import app.chorus.directory.Audience;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A decision as shown to its leaders and voters: the rules stated in words before anyone votes, and the reader's own
 * ballots to cast.
 *
 * @param statements what voters are told before they vote: how it is counted, whose ballot it is, anonymity, whether a
 *     ballot can be changed, whether results are hidden
 * @param units the reader's ballots: {@code self} or one per child, and whether each has been cast
 */
public record DecisionDetails(String id, String consultationId, String schoolId, Map<String, String> question,
                           String description, List<DecisionOption> options, Method method, BigDecimal quorum,
                           RankingRules ranking, Audience audience, BallotUnit ballotUnit, Anonymity anonymity,
                           boolean hideResultsUntilClose, Instant opensAt, Instant closesAt, DecisionStatus status,
                           List<String> statements, List<UnitView> units) {

    public record UnitView(String unit, String label, boolean cast) {
    }

    static DecisionDetails of(Decision decision, Instant now, List<UnitView> units) {
        DecisionStatus status = decision.statusAt(now);
        RankingRules ranking = decision.ranking();
        if (ranking != null && status != DecisionStatus.CLOSED) {
            // the seed of a draw is published with the result, not before the ballots it could be tuned to
            ranking = new RankingRules(ranking.tiebreak(), null, ranking.batchElimination());
        }
        return new DecisionDetails(decision.id(), decision.consultationId(), decision.schoolId(), decision.question(),
            decision.description(), decision.options(), decision.method(), decision.quorum(), ranking, decision.audience(),
            decision.ballotUnit(), decision.anonymity(), decision.hideResultsUntilClose(), decision.opensAt(),
            decision.closesAt(), status, decision.statements(), units);
    }
}
