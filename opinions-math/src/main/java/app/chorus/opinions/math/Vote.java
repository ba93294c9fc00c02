package app.chorus.opinions.math;

/** One participant's vote on one statement: 1 agree, -1 disagree, 0 pass. A later vote on the same statement replaces it. */
public record Vote(String participant, String statement, int value) {

    public Vote {
        if (value < -1 || value > 1) {
            throw new IllegalArgumentException("a vote is 1 (agree), -1 (disagree) or 0 (pass), not " + value);
        }
    }
}
