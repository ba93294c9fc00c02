package app.chorus.testing.fuzz;

import java.util.Random;

/** Where the fuzzing's choices come from: a seeded generator (the same run every time) or a fuzzer's bytes. */
@FunctionalInterface
public interface Choices {

    /** A number from 0 to {@code bound - 1}. */
    int below(int bound);

    static Choices seeded(long seed) {
        Random random = new Random(seed);
        return random::nextInt;
    }
}
