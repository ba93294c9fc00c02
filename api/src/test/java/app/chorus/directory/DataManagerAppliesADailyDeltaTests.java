package app.chorus.directory;

import app.chorus.testing.ApiTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A rostering service sends a school's changes daily as delta files: active rows change or add records, tobedeleted
 * rows delete them, in dateLastModified order (the later change to a record wins wherever it stands in the file), and
 * the same delta applied twice changes nothing the second time.
 */
@ApiTest
class DataManagerAppliesADailyDeltaTests {

    private static final String SCHOOL_ROW = "sch-101,active,,Elm Tree Primary,school,,trust\r\n";

    @Autowired
    WebTestClient web;

    @BeforeEach
    void theSchoolsLastBulkExport() {
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20).dir, "").expectStatus().isOk();
    }

    @AfterEach
    void takeTheSchoolOutAgain() {
        importSet(SchoolExport.removal("sch-101", "Elm Tree Primary").dir, "confirmDeletions=true").expectStatus().isOk();
    }

    @Test
    void aDeltaRenamesAddsAndDeletesAndChangesNothingWhenAppliedAgain() {
        Path delta = delta("""
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades\r
            pup-sch-101-1,active,2026-12-05T18:00:00Z,true,Renamed,Family1,car-sch-101-1,04\r
            pup-sch-101-2,tobedeleted,2026-12-05T18:00:00Z,true,Pupil2,Family2,car-sch-101-2,04\r
            pup-sch-101-99,active,2026-12-05T18:00:00Z,true,New,Family1,car-sch-101-1,04\r
            """, """
            sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r
            rol-pup-sch-101-99,active,2026-12-05T18:00:00Z,pup-sch-101-99,primary,student,sch-101\r
            """);

        importSet(delta, "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.created").isEqualTo(1)
            .jsonPath("$.changes.people.deleted").isEqualTo(1)
            .jsonPath("$.changes.people.updated").isEqualTo(3)
            .jsonPath("$.changes.orgs.updated").isEqualTo(0)
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-99')].change").isEqualTo("created")
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-2')].change").isEqualTo("deleted");
        appliedAgainChangesNothing(delta);
    }

    @Test
    void aDeltaPointingAtNobodyIsRefusedAndWritesNothing() {
        Path delta = delta("""
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades\r
            pup-sch-101-1,active,2026-12-05T18:00:00Z,true,Renamed,Family1,car-sch-101-77,04\r
            """, "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n");
        importSet(delta, "")
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.problems[0].file").isEqualTo("users.csv")
            .jsonPath("$.problems[0].line").isEqualTo(2)
            .jsonPath("$.problems[0].column").isEqualTo("agentSourcedIds");
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20).dir, "dryRun=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.updated").isEqualTo(0);
    }

    @Test
    void theLaterDatedChangeToAPupilWinsWhereverItStandsInTheFile() {
        Path delta = delta("""
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades
            pup-sch-101-3,tobedeleted,2026-12-05T19:00:00Z,true,Pupil3,Family3,car-sch-101-3,04
            pup-sch-101-4,active,2026-12-05T19:00:00Z,true,Returned,Family4,car-sch-101-4,04
            pup-sch-101-3,active,2026-12-05T08:00:00Z,true,Kept,Family3,car-sch-101-3,04
            pup-sch-101-4,tobedeleted,2026-12-05T08:00:00Z,true,Pupil4,Family4,car-sch-101-4,04
            """, "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n");

        importSet(delta, "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.deleted").isEqualTo(1)
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-3')].change").isEqualTo("deleted")
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-4')].change").isEqualTo("updated");
        appliedAgainChangesNothing(delta);
    }

    @Test
    void twoChangesToOnePupilAtTheSameTimeOrBothUndatedAreRefused() {
        Path delta = delta("""
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades
            pup-sch-101-1,active,,true,Undated,Family1,car-sch-101-1,04
            pup-sch-101-2,active,2026-12-05T18:00:00Z,true,First,Family2,car-sch-101-2,04
            pup-sch-101-1,tobedeleted,,true,Undated,Family1,car-sch-101-1,04
            pup-sch-101-2,tobedeleted,2026-12-05T18:00:00Z,true,Second,Family2,car-sch-101-2,04
            """, "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n");

        importSet(delta, "")
            .expectStatus().isEqualTo(422)
            .expectBody()
            .jsonPath("$.problemCount").isEqualTo(2)
            .jsonPath("$.problems[?(@.line == 4)].column").isEqualTo("sourcedId")
            .jsonPath("$.problems[?(@.line == 5)].column").isEqualTo("sourcedId");
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20).dir, "dryRun=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.updated").isEqualTo(0);
    }

    @Test
    void aDeltaThatArrivesLateDoesNotUndoALaterChangeAndSaysWhichRowsItSkipped() {
        importSet(delta("""
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades
            pup-sch-101-5,active,2026-12-05T19:00:00Z,true,Evening,Family5,car-sch-101-5,04
            """, "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n"), "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.updated").isEqualTo(2)
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-5')].change").isEqualTo("updated")
            .jsonPath("$.outdated").isEmpty();

        importSet(delta("""
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades
            pup-sch-101-6,active,2026-12-05T09:00:00Z,true,Morning,Family6,car-sch-101-6,04
            pup-sch-101-5,tobedeleted,2026-12-05T08:00:00Z,true,Morning,Family5,car-sch-101-5,04
            """, "sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\r\n"), "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-6')].change").isEqualTo("updated")
            .jsonPath("$.samples[?(@.id == 'pup-sch-101-5')]").isEmpty()
            .jsonPath("$.outdated.length()").isEqualTo(1)
            .jsonPath("$.outdated[0].file").isEqualTo("users.csv")
            .jsonPath("$.outdated[0].line").isEqualTo(3)
            .jsonPath("$.outdated[0].sourcedId").isEqualTo("pup-sch-101-5")
            .jsonPath("$.outdated[0].storedDateLastModified").isEqualTo("2026-12-05T19:00:00Z");
    }

    private void appliedAgainChangesNothing(Path delta) {
        importSet(delta, "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.changes.people.updated").isEqualTo(0)
            .jsonPath("$.changes.people.deleted").isEqualTo(0);
    }

    private static Path delta(String users, String roles) {
        try {
            Path dir = Files.createTempDirectory("delta-");
            Files.writeString(dir.resolve("manifest.csv"), "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
                + "file.orgs,delta\r\nfile.users,delta\r\nfile.roles,delta\r\nfile.classes,absent\r\nfile.enrollments,absent\r\n");
            Files.writeString(dir.resolve("orgs.csv"), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n" + SCHOOL_ROW);
            Files.writeString(dir.resolve("users.csv"), users);
            Files.writeString(dir.resolve("roles.csv"), roles);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebTestClient.ResponseSpec importSet(Path dir, String query) {
        return RosterUploads.files(web, dir, query);
    }
}
