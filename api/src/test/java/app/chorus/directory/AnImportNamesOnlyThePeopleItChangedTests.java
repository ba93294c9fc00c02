package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * What follows a roster import reads the people it changed, a page at a time, and never the rest of the trust: a school
 * re-imported with one carer renamed and one family gone names that carer as changed and that family as left (ADR 0370).
 */
@ApiTest
class AnImportNamesOnlyThePeopleItChangedTests {

    private static final String SCHOOL = "sch-211";

    @Autowired
    RosterImports imports;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void takeTheSchoolOutAgain() {
        importSet(RosterFileSet.schoolRemoval(SCHOOL, "Rowan Primary"), true);
    }

    @Test
    void aRenamedCarerIsChangedAFamilyTakenOffHasLeftAndNobodyElseIsNamed() {
        RosterFileSet school = RosterFileSet.oneSchool(SCHOOL, "Rowan Primary", 10);
        importSet(school, false);
        List<String> created = directory.changedByPages(importOf("car-" + SCHOOL + "-1"), 1)
            .map(page -> page.get(0).id()).collectList().block();
        assertThat(created).as("the first import's 21 people, one page each, in id order").hasSize(21).isSorted().doesNotHaveDuplicates();

        ImportReport report = importSet(school.copy()
            .edit("users.csv", users -> users.replace(",Carer3,", ",Carole3,"))
            .edit("users.csv", RosterFileSet.withoutLinesHolding(SCHOOL + "-5,"))
            .edit("roles.csv", RosterFileSet.withoutLinesHolding(SCHOOL + "-5,"))
            .edit("enrollments.csv", RosterFileSet.withoutLinesHolding(SCHOOL + "-5,")), false);
        String second = importOf("car-" + SCHOOL + "-3");

        List<String> changed = directory.changedByPages(second, 500).flatMapIterable(page -> page).map(RosteredPerson::id).collectList().block();
        assertThat(changed).contains("car-" + SCHOOL + "-3").hasSize((int) report.changes().get("people").updated())
            .allMatch(id -> id.endsWith(SCHOOL + "-3"), "only family 3");
        assertThat(directory.leftInPages(second, 500).flatMapIterable(page -> page).collectList().block())
            .containsExactly("car-" + SCHOOL + "-5", "pup-" + SCHOOL + "-5");
    }

    /** The import that last wrote the person, as stored on them. */
    private String importOf(String personId) {
        return mongo.findById(personId, Document.class, "directory_people").block().getString("rosterImport");
    }

    private ImportReport importSet(RosterFileSet set, boolean confirmDeletions) {
        return imports.importFolder(set.dir, new RosterImports.Options(false, confirmDeletions), progress -> { })
            .block(Duration.ofSeconds(120));
    }
}
