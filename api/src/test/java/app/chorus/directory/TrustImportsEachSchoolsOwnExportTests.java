package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * In a multi-academy trust each school's MIS exports its own file set: importing one school's set changes that
 * school only, never the demo trust's other schools.
 */
@ApiTest
class TrustImportsEachSchoolsOwnExportTests {

    @Autowired
    WebTestClient web;

    @AfterEach
    void takeTheNewSchoolsOutAgain() {
        importSet(SchoolExport.removal("sch-101", "Elm Tree Primary"), "confirmDeletions=true").expectStatus().isOk();
        importSet(SchoolExport.removal("sch-102", "Hazel Wood Primary"), "confirmDeletions=true").expectStatus().isOk();
        importSet(SchoolExport.removal("sch-103", "Ash Grove Primary"), "confirmDeletions=true").expectStatus().isOk();
        assertThat(schools()).doesNotContain("sch-101", "sch-102", "sch-103").contains("sch-001", "sch-002", "sch-003");
    }

    @Test
    void twoSchoolsImportedOneAfterTheOtherAreBothInTheTrust() {
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20), "")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.schools.length()").isEqualTo(1)
            .jsonPath("$.schools['sch-101'].people.created").isEqualTo(41)
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.changes.classes.deleted").isEqualTo(0)
            .jsonPath("$.changes.orgs.deleted").isEqualTo(0);
        importSet(SchoolExport.of("sch-102", "Hazel Wood Primary", 10, 10), "dryRun=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.schools.length()").isEqualTo(1)
            .jsonPath("$.schools['sch-102'].people.created").isEqualTo(21)
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.changes.classes.deleted").isEqualTo(0);
        importSet(SchoolExport.of("sch-102", "Hazel Wood Primary", 10, 10), "").expectStatus().isOk();

        assertThat(schools()).contains("sch-001", "sch-002", "sch-003", "sch-101", "sch-102");
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20), "dryRun=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.changes.people.updated").isEqualTo(0)
            .jsonPath("$.changes.people.unchanged").isEqualTo(41);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCutShortExportThatWouldDeleteMostOfASchoolIsRefusedWithoutConfirmation() {
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20), "").expectStatus().isOk();
        RosterFileSet truncated = SchoolExport.of("sch-101", "Elm Tree Primary", 20, 2);

        Map<String, Object> problem = importSet(truncated, "")
            .expectStatus().isEqualTo(422)
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem.get("type")).isEqualTo("urn:chorus:problem:roster-deletions-unconfirmed");
        assertThat((String) problem.get("detail")).contains("sch-101 would lose 36 of its 41 people", "confirmDeletions=true");
        assertThat((List<Map<String, Object>>) problem.get("largeDeletions")).singleElement()
            .satisfies(large -> assertThat(large).containsEntry("schoolId", "sch-101").containsEntry("deleted", 36));
        importSet(SchoolExport.of("sch-101", "Elm Tree Primary", 20, 20), "dryRun=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.unchanged").isEqualTo(41)
            .jsonPath("$.changes.people.created").isEqualTo(0);

        importSet(truncated, "dryRun=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.largeDeletions[0].schoolId").isEqualTo("sch-101")
            .jsonPath("$.schools['sch-101'].people.deleted").isEqualTo(36);
        importSet(truncated, "confirmDeletions=true")
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.deleted").isEqualTo(36);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSetHoldingASchoolThatCameWithOtherSchoolsIsRefusedAndWritesNothing() {
        RosterFileSet claiming = SchoolExport.of("sch-103", "Ash Grove Primary", 5, 5)
            .edit("orgs.csv", csv -> csv + "sch-001,active,,Oakfield Primary,school,,trust\r\n");
        Map<String, Object> problem = importSet(claiming, "")
            .expectStatus().isEqualTo(422)
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) problem.get("problems")).singleElement().satisfies(p -> {
            assertThat(p).containsEntry("file", "orgs.csv").containsEntry("line", 4).containsEntry("column", "sourcedId");
            assertThat((String) p.get("problem")).contains("'sch-001' was imported from another file set", "sch-002, sch-003");
        });
        assertThat(schools()).doesNotContain("sch-103");
    }

    @SuppressWarnings("unchecked")
    private List<String> schools() {
        Map<String, Object> page = web.get().uri("/api/v1/schools")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(school -> (String) school.get("id")).toList();
    }

    private WebTestClient.ResponseSpec importSet(RosterFileSet files, String query) {
        return RosterUploads.zip(web, files, query);
    }
}
