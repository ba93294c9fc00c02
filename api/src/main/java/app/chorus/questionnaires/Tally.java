package app.chorus.questionnaires;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Counters keyed by dotted paths ({@code n}: respondents; for question Q: {@code q.Q.n} answered,
 * {@code q.Q.o.OPTION} picks, {@code q.Q.v.VALUE} Likert and rating values, {@code q.Q.s} number sum in hundredths,
 * {@code q.Q.r.OPTION} ranking points). Adding is associative, so a store can keep them with atomic increments and a full recomputation is a
 * plain sum.
 */
public record Tally(Map<String, Long> counters) {

    public static final String RESPONDENTS = "n";

    public Tally {
        counters = Map.copyOf(counters);
    }

    /** The path prefix of one question's counters. */
    public static String prefix(String questionId) {
        return "q." + questionId + ".";
    }

    public static Tally empty() {
        return new Tally(Map.of());
    }

    public long get(String path) {
        return counters.getOrDefault(path, 0L);
    }

    public long respondents() {
        return get(RESPONDENTS);
    }

    public Tally plus(Tally other) {
        Map<String, Long> sum = new TreeMap<>(counters);
        other.counters.forEach((path, value) -> sum.merge(path, value, Long::sum));
        sum.values().removeIf(value -> value == 0L);
        return new Tally(sum);
    }

    public Tally minus(Tally other) {
        Map<String, Long> negated = new TreeMap<>();
        other.counters.forEach((path, value) -> negated.put(path, -value));
        return plus(new Tally(negated));
    }

    /** Sums many tallies in one pass (reads add up hundreds of cells). */
    public static Tally sum(Stream<Tally> tallies) {
        Map<String, long[]> sums = new HashMap<>();
        tallies.forEach(tally -> tally.counters.forEach((path, value) -> sums.computeIfAbsent(path, key -> new long[1])[0] += value));
        Map<String, Long> sum = new HashMap<>(sums.size() * 2);
        sums.forEach((path, value) -> {
            if (value[0] != 0L) {
                sum.put(path, value[0]);
            }
        });
        return new Tally(sum);
    }

    /** Adds these counters into a running sum (for accumulating without copying). */
    public void addTo(Map<String, Long> sum) {
        counters.forEach((path, value) -> sum.merge(path, value, Long::sum));
    }
}
