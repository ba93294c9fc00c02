package app.chorus.decisions.internal;

/** What a decision promises voters about their identity, stated before they vote and enforced by the stored documents. */
public enum Anonymity {
    /** the ballot names the voter; managers can see who chose what */
    NAMED("Your name is stored with your ballot and the decision's leaders can see how you voted.",
        "You can change your ballot until the vote closes; the last one counts."),
    /** the ballot holds no name; who voted is kept apart, only the privacy officer can link them */
    CONFIDENTIAL("Your ballot is stored without your name. Only the trust's privacy officer can link it to you.",
        "You can change your ballot until the vote closes; the last one counts."),
    /** nothing links the ballot to the voter: a coded mark stops a second ballot */
    ANONYMOUS("Your ballot is stored with no link to you: not your name, not an id, not the exact time. We keep only a "
        + "coded mark that you have voted, so you cannot vote twice.",
        "Your ballot is final once cast: with nothing linking it to you, it cannot be found again to change it.");

    private final String statement;
    private final String changing;

    Anonymity(String statement, String changing) {
        this.statement = statement;
        this.changing = changing;
    }

    public String statement() {
        return statement;
    }

    /** Whether a ballot can be changed until close, in words. */
    public String changing() {
        return changing;
    }

    public boolean allowsChanges() {
        return this != ANONYMOUS;
    }
}
