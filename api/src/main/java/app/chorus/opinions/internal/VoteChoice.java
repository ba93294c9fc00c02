package app.chorus.opinions.internal;

/** A participant's vote on a statement, as the maths counts it: agree 1, disagree -1, pass 0. */
public enum VoteChoice {
    AGREE(1), DISAGREE(-1), PASS(0);

    private final int value;

    VoteChoice(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    static VoteChoice of(int value) {
        return value == 1 ? AGREE : value == -1 ? DISAGREE : PASS;
    }
}
