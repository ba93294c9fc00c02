package app.chorus.platform;

import java.util.List;

/**
 * The schema migration steps of one module: Mongock change units ({@code @ChangeUnit}), which the api runs at start-up
 * before it serves anything, each once per database (ADR 0298). A module declares one bean of a subclass, as it does
 * for {@link StoreIndexes}. A step is idempotent and resumable: it selects only the documents still in the old shape
 * and changes each with one atomic update, so a step cut short is finished at the next start.
 * <p>
 * A collection whose shape a step changes carries {@code schema} (an integer) in every document, written by the code
 * that inserts them and by the step; a document without it is in the shape the earlier releases wrote.
 */
public abstract class SchemaSteps {

    /** The field that holds a document's schema version. */
    public static final String SCHEMA = "schema";

    private final List<Class<?>> changeUnits;

    protected SchemaSteps(Class<?>... changeUnits) {
        this.changeUnits = List.of(changeUnits);
    }

    public List<Class<?>> changeUnits() {
        return changeUnits;
    }
}
