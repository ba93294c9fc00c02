package app.chorus.consultations.internal;

/** How carers are counted: once per child (shared by the child's carers) or once per carer per child, as surveys. */
public enum CarerVoice {
    ONE_PER_CHILD("Carers have one voice per child: the carers of a child share it."),
    EACH_CARER_PER_CHILD("Each carer has their own voice for each of their children.");

    private final String statement;

    CarerVoice(String statement) {
        this.statement = statement;
    }

    public String statement() {
        return statement;
    }
}
