package app.chorus.opinions.internal;

import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Which statement a participant sees next, as Polis chooses (conversation.clj {@code importance-metric},
 * {@code priority-metric}): a random pick among those they have not voted on, weighted by
 * ((1 - p) (E + 1) a (1 + 8 * 2^(-S/5)))^2, where a = (A + 1) / (S + 2) and p = (P + 1) / (S + 2) are the smoothed
 * agree and pass shares, S the votes seen and E the statement's extremity on the map. New statements (few votes) and
 * those that separate opinions (far from the centre) come first; much-passed ones last.
 */
final class StatementRouting {

    /** A statement someone may be shown, with its agrees, passes, votes seen and extremity. */
    record Candidate(Statement statement, int agrees, int passes, int seen, double extremity) {

        double priority() {
            double p = (passes + 1.0) / (seen + 2.0);
            double a = (agrees + 1.0) / (seen + 2.0);
            double importance = (1 - p) * (extremity + 1) * a;
            return Math.pow(importance * (1 + 8 * Math.pow(2, -seen / 5.0)), 2);
        }
    }

    private StatementRouting() {
    }

    static Optional<Statement> choose(List<Candidate> candidates, RandomGenerator random) {
        double total = candidates.stream().mapToDouble(Candidate::priority).sum();
        double target = random.nextDouble() * total;
        for (Candidate candidate : candidates) {
            target -= candidate.priority();
            if (target < 0) {
                return Optional.of(candidate.statement());
            }
        }
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(candidates.size() - 1).statement());
    }
}
