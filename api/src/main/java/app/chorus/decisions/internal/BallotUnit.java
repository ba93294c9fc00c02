package app.chorus.decisions.internal;

/** Who casts one ballot. */
public enum BallotUnit {
    /** every eligible person casts their own ballot */
    PER_PERSON("One ballot per person."),
    /** carers vote once per child; a child's carers share that ballot (the last one cast counts) */
    PER_CHILD("One ballot per child: a child's carers share it, and the last ballot cast for the child counts."),
    /** as PER_CHILD, but only the child's parents and guardians on the roster cast it (a consent-like decision) */
    PER_CHILD_PARENTS_AND_GUARDIANS("One ballot per child, cast by the child's parents or guardians (other relatives on the "
        + "roster cannot cast it): they share it, and the last ballot cast for the child counts.");

    private final String statement;

    BallotUnit(String statement) {
        this.statement = statement;
    }

    public boolean perChild() {
        return this != PER_PERSON;
    }

    public String statement() {
        return statement;
    }
}
