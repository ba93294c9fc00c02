package app.chorus.opinions.math;

/** Agrees, disagrees and votes seen (passes included) on one statement by one set of participants. */
record Tally(int agrees, int disagrees, int seen) {

    static final Tally NONE = new Tally(0, 0, 0);

    Tally plus(Tally other) {
        return new Tally(agrees + other.agrees, disagrees + other.disagrees, seen + other.seen);
    }

    double agreeShare() {
        return (agrees + 1.0) / (seen + 2.0);
    }

    double disagreeShare() {
        return (disagrees + 1.0) / (seen + 2.0);
    }

    double agreeTest() {
        return Significance.proportion(agrees, seen);
    }

    double disagreeTest() {
        return Significance.proportion(disagrees, seen);
    }
}
