package app.chorus.opinions.math;

import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Consensus statements over everyone who voted (repness.clj, select-consensus-comments): agreed (or disagreed) by
 * more than half and significant by the one-sided 90% test, ranked by share x test statistic, top 5 each way; and
 * Polis's group-aware consensus, the product over groups of (agrees + 1) / (seen + 2).
 */
final class Consensus {

    private static final int TOP = 5;

    private Consensus() {
    }

    static List<Integer> agreed(Tally[] everyone, VoteMatrix votes) {
        return top(everyone, votes, Tally::agreeShare, Tally::agreeTest);
    }

    static List<Integer> disagreed(Tally[] everyone, VoteMatrix votes) {
        return top(everyone, votes, Tally::disagreeShare, Tally::disagreeTest);
    }

    static double groupAware(Tally[][] byGroup, int statement) {
        double product = 1;
        for (Tally[] group : byGroup) {
            product *= group[statement].agreeShare();
        }
        return product;
    }

    private static List<Integer> top(Tally[] everyone, VoteMatrix votes, ToDoubleFunction<Tally> share,
            ToDoubleFunction<Tally> test) {
        return IntStream.range(0, votes.statementCount())
                .filter(s -> !votes.isModeratedOut(s))
                .filter(s -> share.applyAsDouble(everyone[s]) > 0.5 && Significance.significant(test.applyAsDouble(everyone[s])))
                .boxed()
                .sorted(Comparator.comparingDouble(
                        (Integer s) -> share.applyAsDouble(everyone[s]) * test.applyAsDouble(everyone[s])).reversed())
                .limit(TOP)
                .toList();
    }
}
