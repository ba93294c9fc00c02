package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.internal.oneroster.RosterChunksKeyed;
import app.chorus.testing.ApiTest;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Elm Tree's set was imported by the previous release, whose stored rows carried no keys. After the upgrade's
 * migration, Hazel Wood's own export (listing only the mother's daughter) still leaves her son at Elm Tree with her.
 */
@ApiTest
class DataManagerImportsASchoolAfterUpgradingTests {

    private static final String ROWS = "directory_roster_rows";

    @Autowired
    WebTestClient web;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void takeTheSchoolsOutAgain() {
        RosterUploads.files(web, SchoolExport.removal("sch-104", "Elm Tree Juniors").dir, "confirmDeletions=true").expectStatus().isOk();
        RosterUploads.files(web, SchoolExport.removal("sch-105", "Hazel Wood Infants").dir, "confirmDeletions=true").expectStatus().isOk();
    }

    @Test
    void anotherSchoolsImportFindsWhatThePreviousReleaseStored() {
        RosterUploads.files(web, CarerWithChildrenAtTwoSchoolsKeepsBothTests.withTheMother("sch-104", "Elm Tree Juniors", "Sam", "05").dir, "")
            .expectStatus().isOk();
        storedAsThePreviousReleaseDid("sch-104");

        new RosterChunksKeyed().key(mongo.getMongoDatabase().block());

        RosterUploads.files(web, CarerWithChildrenAtTwoSchoolsKeepsBothTests.withTheMother("sch-105", "Hazel Wood Infants", "Lily", "01").dir, "")
            .expectStatus().isOk();
        assertThat(children()).containsExactly("Lily at sch-105", "Sam at sch-104");
    }

    /** The shape before ADR 0250: no keys and no schema on the source's chunks. */
    private void storedAsThePreviousReleaseDid(String school) {
        Query source = Query.query(Criteria.where("source").regex(school));
        long old = mongo.updateMulti(source, new Update().unset("keys").unset("schema"), ROWS).block().getModifiedCount();
        assertThat(old).isPositive();
        assertThat(mongo.count(source.addCriteria(Criteria.where("keys").exists(true)), Document.class, ROWS).block()).isZero();
    }

    private List<String> children() {
        return directory.pupilsCaredFor(CarerWithChildrenAtTwoSchoolsKeepsBothTests.MOTHER)
            .map(child -> child.givenName() + " at " + child.schoolId()).sort().collectList().block();
    }
}
