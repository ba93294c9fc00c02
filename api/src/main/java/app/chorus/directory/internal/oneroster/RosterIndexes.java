package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import app.chorus.platform.StoreIndexes;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The indexes of the stored roster rows ({@link StoreIndexes}): a source's chunks by source, and any chunk by the ids
 * it holds, so that one school's import reads only the rows other sets hold about its people (ADR 0250); the sources by
 * their schools, so that it reads only the sources it may replace (ADR 0337).
 */
@Component
public class RosterIndexes extends StoreIndexes {

    public RosterIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "roster",
            new On(Collections.ROSTER_ROWS, "keys"),
            new On(Collections.ROSTER_ROWS, "source", "generation"),
            new On(Collections.ROSTER_SOURCES, "schools"));
    }
}
