package app.chorus.consultations.internal;

/** Whether who may take part is fixed when the consultation opens, or follows the roster as it changes. */
public enum EligibilityMode {
    SNAPSHOT_AT_OPENING("Who may take part was fixed when the consultation opened."),
    FOLLOWS_ROSTER("Who may take part follows the school roster: someone who leaves keeps what they wrote but cannot act further.");

    private final String statement;

    EligibilityMode(String statement) {
        this.statement = statement;
    }

    public String statement() {
        return statement;
    }
}
