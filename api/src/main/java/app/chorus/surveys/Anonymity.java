package app.chorus.surveys;

/** What a survey promises respondents about their identity, stated before they start and enforced by storage. */
public enum Anonymity {
    /** answers are linked to the person who gave them */
    NAMED("Your name is recorded with your answers and the survey owner can see who answered what."),
    /** identity kept apart from answers; only the privacy officer can link them */
    CONFIDENTIAL("Your answers are stored without your name. Only the trust's privacy officer can link them to you, "
        + "for example to act on a safeguarding concern."),
    /** no stored link from answers to the person at all */
    ANONYMOUS("Your answers are stored with no link to you: not your name, not an id, not the exact time. We only keep "
        + "a coded mark that you have answered, so you cannot answer twice. Results for groups of fewer than 5 people are never shown.");

    private final String statement;

    Anonymity(String statement) {
        this.statement = statement;
    }

    /** The promise shown to respondents before they start. */
    public String statement() {
        return statement;
    }
}
