package app.chorus.directory.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import app.chorus.testing.StoreCommands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Nearly every request reads the trust's shape (its schools and classes). A version lookup serves this instance's
 * requests for half a second (ADR 0411): an import on another replica shows here within that time, an import here at
 * once, and requests a moment apart share one lookup.
 */
@ApiTest
class SchoolsSeeAnImportOnAnotherReplicaWithinHalfASecondTests {

    private static final String OAKFIELD = "sch-001";

    @Autowired
    TrustShapes shapes;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private String oakfieldName;

    @AfterEach
    void oakfieldNamedAsBefore() {
        if (oakfieldName != null) {
            renameOakfield(oakfieldName);
            shapes.changed().block();
        }
    }

    @Test
    void requestsAMomentApartShareOneVersionLookup() {
        shapes.current().block();
        StoreCommands commands = new StoreCommands(meters);
        for (int request = 0; request < 20; request++) {
            shapes.current().block();
        }
        assertThat(commands.take().getOrDefault("find directory_meta", 0.0)).as("version lookups for 20 requests").isLessThan(5);
    }

    @Test
    void anImportOnAnotherReplicaShowsWithinHalfASecondAndOneHereAtOnce() {
        oakfieldName = nameOfOakfield();
        renameOakfield("Oakfield Primary (renamed elsewhere)");
        await("the other replica's import seen here").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
            .until(this::nameOfOakfield, "Oakfield Primary (renamed elsewhere)"::equals);

        renameOakfield("Oakfield Primary (renamed here)");
        shapes.changed().block();
        assertThat(nameOfOakfield()).as("the school's name right after an import here").isEqualTo("Oakfield Primary (renamed here)");
    }

    private String nameOfOakfield() {
        return shapes.current().block().schools().get(OAKFIELD).name();
    }

    /** What another replica's import does: the school renamed, then the shape's version moved on. */
    private void renameOakfield(String name) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(OAKFIELD)), new Update().set("name", name), Collections.ORGS).block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is("shape")), new Update().inc("version", 1L), Collections.META).block();
    }
}
