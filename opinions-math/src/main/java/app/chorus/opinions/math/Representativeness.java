package app.chorus.opinions.math;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A group's representative statements as Polis picks them (repness.clj): a statement represents a group when the
 * group agrees (or disagrees) more than the other groups and more than half, both by one-sided 90% tests; ranked by
 * ratio x its test x share x its test, the group's best agreed statement first, top 5, agreed ones before disagreed.
 */
final class Representativeness {

    private static final int TOP = 5;

    /** One statement's figures for one group against the others. */
    private record Stat(int statement, Tally in, double pa, double pd, double pat, double pdt, double ra, double rd,
            double rat, double rdt) {

        static Stat of(int statement, Tally in, Tally rest) {
            double ra = in.agreeShare() / ((1.0 + rest.agrees()) / (2.0 + rest.seen()));
            double rd = in.disagreeShare() / ((1.0 + rest.disagrees()) / (2.0 + rest.seen()));
            return new Stat(statement, in, in.agreeShare(), in.disagreeShare(), in.agreeTest(), in.disagreeTest(), ra, rd,
                    Significance.twoProportions(in.agrees(), rest.agrees(), in.seen(), rest.seen()),
                    Significance.twoProportions(in.disagrees(), rest.disagrees(), in.seen(), rest.seen()));
        }

        boolean passes() {
            return Significance.significant(rat) && Significance.significant(pat) || Significance.significant(rdt) && Significance.significant(pdt);
        }

        boolean forAgree() {
            return rat > rdt;
        }

        double test() {
            return forAgree() ? rat : rdt;
        }

        double metric() {
            return forAgree() ? ra * rat * pa * pat : rd * rdt * pd * pdt;
        }

        boolean beatsAsAgreed(Stat best) {
            if (in.agrees() == 0 && in.disagrees() == 0) {
                return false;
            }
            if (best != null && best.ra > 1.0) {
                return ra * rat * pa * pat > best.ra * best.rat * best.pa * best.pat;
            }
            if (best != null) {
                return pa * pat > best.pa * best.pat;
            }
            return Significance.significant(pat) || ra > 1.0 && pa > 0.5;
        }
    }

    private Representativeness() {
    }

    /** Statement indices representing group {@code g}; {@code tallies[group][statement]}. */
    static List<Integer> of(Tally[][] tallies, int g, VoteMatrix votes) {
        List<Stat> sufficient = new ArrayList<>();
        Stat best = null;
        Stat bestAgreed = null;
        for (int s = 0; s < votes.statementCount(); s++) {
            if (votes.isModeratedOut(s)) {
                continue;
            }
            Stat stat = Stat.of(s, tallies[g][s], rest(tallies, g, s));
            if (stat.passes()) {
                sufficient.add(stat);
            }
            if (sufficient.isEmpty() && (best == null || stat.test() > best.test())) {
                best = stat;
            }
            if (stat.beatsAsAgreed(bestAgreed)) {
                bestAgreed = stat;
            }
        }
        List<Stat> chosen = new ArrayList<>();
        if (sufficient.isEmpty()) {
            if (bestAgreed != null || best != null) {
                chosen.add(bestAgreed != null ? bestAgreed : best);
            }
        } else {
            Stat head = bestAgreed;
            if (head != null) {
                chosen.add(head);
            }
            sufficient.stream()
                    .filter(stat -> head == null || stat.statement != head.statement)
                    .sorted(Comparator.comparingDouble(Stat::metric).reversed())
                    .limit(TOP - chosen.size())
                    .forEach(chosen::add);
        }
        List<Integer> ordered = new ArrayList<>();
        chosen.stream().filter(Stat::forAgree).forEach(stat -> ordered.add(stat.statement));
        chosen.stream().filter(stat -> !stat.forAgree()).forEach(stat -> ordered.add(stat.statement));
        return ordered;
    }

    private static Tally rest(Tally[][] tallies, int g, int s) {
        Tally rest = Tally.NONE;
        for (int other = 0; other < tallies.length; other++) {
            if (other != g) {
                rest = rest.plus(tallies[other][s]);
            }
        }
        return rest;
    }
}
