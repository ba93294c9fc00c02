package app.chorus.opinions.math;

/** Polis's one-sided significance tests (stats.clj), with its +1 pseudo-counts. */
final class Significance {

    /** z above this is significant at 90%, one-sided. */
    static final double Z_90 = 1.2816;

    private Significance() {
    }

    /** One-proportion test of successes out of n against one half. */
    static double proportion(int successes, int n) {
        double s = successes + 1;
        double m = n + 1;
        return 2 * Math.sqrt(m) * (s / m - 0.5);
    }

    /** Two-proportion test: is the share inside greater than the share outside? */
    static double twoProportions(int successesIn, int successesOut, int nIn, int nOut) {
        double s1 = successesIn + 1;
        double s2 = successesOut + 1;
        double n1 = nIn + 1;
        double n2 = nOut + 1;
        double pooled = (s1 + s2) / (n1 + n2);
        if (pooled == 1) {
            return 0;
        }
        return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    }

    static boolean significant(double z) {
        return z > Z_90;
    }
}
