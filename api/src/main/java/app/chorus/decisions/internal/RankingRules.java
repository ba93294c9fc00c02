package app.chorus.decisions.internal;

import app.chorus.decisions.tally.IrvRules;
import app.chorus.decisions.tally.TiebreakMode;
import java.util.List;

/**
 * The RCTab rules a ranked-choice decision is counted by, chosen by its leader and stated to voters. Ballots cast here
 * mark one option per rank, each once, with no gaps, so RCTab's overvote, skipped-rank and duplicate rules never
 * apply to them; the export states RCTab's defaults for those.
 *
 * @param tiebreak RCTab's tiebreakMode
 * @param randomSeed the seed of a draw (recorded with the result), null unless the tie-break draws lots
 * @param batchElimination RCTab's batchElimination (absent: false)
 */
public record RankingRules(TiebreakMode tiebreak, Long randomSeed, Boolean batchElimination) {

    public RankingRules {
        batchElimination = Boolean.TRUE.equals(batchElimination);
    }

    public static final RankingRules DEFAULT = new RankingRules(TiebreakMode.PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER, null, false);

    public IrvRules irvRules(List<String> optionIds) {
        return IrvRules.of(optionIds).tiebreak(tiebreak, randomSeed).batchElimination(batchElimination).build();
    }

    /** The rules in words, shown before anyone votes. */
    public String statement() {
        String ties = switch (tiebreak) {
            case USE_CANDIDATE_ORDER -> "a tie is broken by the order the options are listed in";
            case PREVIOUS_ROUND_COUNTS_THEN_CANDIDATE_ORDER ->
                "a tie is broken by the earlier rounds' counts, then by the order the options are listed in";
            case RANDOM, GENERATE_PERMUTATION -> "a tie is broken by drawing lots (the seed is published with the result)";
            case PREVIOUS_ROUND_COUNTS_THEN_RANDOM ->
                "a tie is broken by the earlier rounds' counts, then by drawing lots (the seed is published with the result)";
        };
        return "Rank as many options as you like, best first. Instant runoff, counted as RCTab counts it: your ballot "
            + "counts for your highest-ranked option still in the count; an option with more than half of the ballots "
            + "still counting wins; otherwise the option with the fewest votes is eliminated"
            + (batchElimination ? " (all options that together cannot catch the next one up, at once)" : "")
            + " and its ballots move to their next choice; " + ties + ".";
    }
}
