package app.chorus.directory.internal.oneroster;

import app.chorus.platform.SchemaSteps;
import org.springframework.stereotype.Component;

/** The directory's schema migration steps ({@link SchemaSteps}). */
@Component
class DirectorySchemaSteps extends SchemaSteps {

    DirectorySchemaSteps() {
        super(RosterChunksKeyed.class, PeopleNamesKeyed.class);
    }
}
