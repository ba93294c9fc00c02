package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A trust administrator imports OneRoster exports into the demo trust the api seeded itself with. Every test
 * leaves the directory as it found it (re-importing the original file set).
 */
@ApiTest
class OneRosterImportTests {

    @Autowired
    WebTestClient web;

    @AfterEach
    void restoreTheDemoTrust() {
        importZip(RosterFileSet.demoTrust().zip(), false).expectStatus().isOk();
    }

    @Test
    void reImportingTheSameFilesChangesNothing() {
        importZip(RosterFileSet.demoTrust().zip(), false)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.dryRun").isEqualTo(false)
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.changes.people.updated").isEqualTo(0)
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.changes.people.unchanged").value(n -> assertThat(((Number) n).intValue()).isGreaterThan(300))
            .jsonPath("$.changes.classes.unchanged").isEqualTo(21)
            .jsonPath("$.samples.length()").isEqualTo(0);
    }

    @Test
    void aChangedFileAppliesOnlyTheDifference() {
        RosterFileSet files = RosterFileSet.demoTrust().edit("users.csv", csv -> csv.replace(",Oliver,Bennett,", ",Ollie,Bennett,"));
        importZip(files.zip(), false)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.updated").isEqualTo(3)
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.changes.classes.updated").isEqualTo(0)
            .jsonPath("$.samples[?(@.id == 'pup-000001')].change").isEqualTo("updated")
            .jsonPath("$.samples[?(@.id == 'car-000001')].change").isEqualTo("updated");
        assertOliverIsCalled("Ollie");
    }

    @Test
    void tobedeletedRemovesThePersonAndUpdatesOnlyTheirCarers() {
        RosterFileSet files = RosterFileSet.demoTrust();
        long line = files.lineOf("users.csv", "pup-000002,");
        String row = files.read("users.csv").split("\r\n")[(int) line - 1];
        files.edit("users.csv", csv -> csv.replace(row, row.replace("pup-000002,active,", "pup-000002,tobedeleted,")));
        importZip(files.zip(), false)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.deleted").isEqualTo(1)
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.samples[?(@.change == 'deleted')].id").isEqualTo("pup-000002")
            .jsonPath("$.changes.people.updated").value(n -> assertThat(((Number) n).intValue()).isBetween(1, 2))
            .jsonPath("$.changes.classes.updated").isEqualTo(1);
    }

    @Test
    void theOneRoster11LayoutWithTheRoleInUsersCsvReadsAsTheSameTrust() {
        RosterFileSet files = RosterFileSet.demoTrust().asOneRoster11();
        importZip(files.zip(), true)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.changes.people.created").isEqualTo(0)
            .jsonPath("$.changes.people.updated").isEqualTo(0)
            .jsonPath("$.changes.people.deleted").isEqualTo(0)
            .jsonPath("$.changes.classes.updated").isEqualTo(0);
    }

    @Test
    void aDryRunReportsTheChangeButWritesNothing() {
        RosterFileSet files = RosterFileSet.demoTrust().edit("users.csv", csv -> csv.replace(",Oliver,Bennett,", ",Ollie,Bennett,"));
        importZip(files.zip(), true)
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.dryRun").isEqualTo(true)
            .jsonPath("$.changes.people.updated").isEqualTo(3);
        assertOliverIsCalled("Oliver");
    }

    @Test
    void aBrokenReferenceIsReportedWithFileLineAndColumnAndNothingIsWritten() {
        RosterFileSet files = withOliverRenamed();
        long line = files.lineOf("enrollments.csv", "enr-0000005,");
        files.edit("enrollments.csv", csv -> csv.replaceFirst("(enr-0000005,active,[^,]*,)cls-[^,]*,", "$1cls-001-9Z,"));
        assertRejected(files, "enrollments.csv", line, "classSourcedId", "cls-001-9Z");
    }

    @Test
    void aDuplicateSourcedIdIsReported() {
        RosterFileSet files = withOliverRenamed();
        String row = files.read("orgs.csv").split("\r\n")[2];
        files.edit("orgs.csv", csv -> csv + row + "\r\n");
        long line = files.read("orgs.csv").split("\r\n").length;
        assertRejected(files, "orgs.csv", line, "sourcedId", "appears twice");
    }

    @Test
    void aBadDateIsReported() {
        RosterFileSet files = withOliverRenamed().edit("academicSessions.csv", csv -> csv.replace("2026-09-01,2027-07-22", "01/09/2026,2027-07-22"));
        assertRejected(files, "academicSessions.csv", 2, "startDate", "01/09/2026");
    }

    @Test
    void aMissingRequiredColumnIsReported() {
        RosterFileSet files = withOliverRenamed().edit("classes.csv", csv -> csv.replaceFirst("schoolSourcedId", "school"));
        assertRejected(files, "classes.csv", 1, "schoolSourcedId", "missing");
    }

    @Test
    void aFileInTheWrongEncodingIsReportedAtTheLineOfTheFirstBadByte() {
        RosterFileSet files = withOliverRenamed();
        long line = files.lineOf("users.csv", "stf-00004,");
        String users = files.read("users.csv").replace("Grace,Mensah", "Grâce,Mensah");
        files.write("users.csv", RosterFileSet.latin1(users));
        assertRejected(files, "users.csv", line, null, "UTF-8");
    }

    @Test
    void anEmptyFileIsReported() {
        RosterFileSet files = withOliverRenamed().write("classes.csv", new byte[0]);
        assertRejected(files, "classes.csv", 1, null, "0 bytes");
    }

    @Test
    void aLargeImportCanBeFollowedAsAStreamOfProgressLinesEndingWithTheReport() {
        List<String> lines = web.post().uri("/api/v1/directory/imports?dryRun=true")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .accept(MediaType.APPLICATION_NDJSON)
            .body(BodyInserters.fromMultipartData(multipart(RosterFileSet.demoTrust().zip())))
            .exchange()
            .expectStatus().isOk()
            .returnResult(String.class).getResponseBody().collectList().block();
        assertThat(lines).anyMatch(line -> line.contains("\"progress\"") && line.contains("applying people"));
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"report\"").contains("\"dryRun\":true");
    }

    @Test
    void problemsAlsoEndTheProgressStream() {
        RosterFileSet files = withOliverRenamed().write("classes.csv", new byte[0]);
        List<String> lines = web.post().uri("/api/v1/directory/imports")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .accept(MediaType.APPLICATION_NDJSON)
            .body(BodyInserters.fromMultipartData(multipart(files.zip())))
            .exchange()
            .expectStatus().isOk()
            .returnResult(String.class).getResponseBody().collectList().block();
        assertThat(lines.get(lines.size() - 1)).startsWith("{\"problem\"").contains("classes.csv").contains("0 bytes");
        assertOliverIsCalled("Oliver");
    }

    @Test
    void onlyTrustAdministratorsMayImport() {
        web.post().uri("/api/v1/directory/imports")
            .header("Authorization", Tokens.bearer("head.oakfield"))
            .body(BodyInserters.fromMultipartData(multipart(RosterFileSet.demoTrust().zip())))
            .exchange()
            .expectStatus().isForbidden();
    }

    /** Every bad file set also renames Oliver, which must not be applied. */
    private static RosterFileSet withOliverRenamed() {
        return RosterFileSet.demoTrust().edit("users.csv", csv -> csv.replace(",Oliver,Bennett,", ",Ollie,Bennett,"));
    }

    @SuppressWarnings("unchecked")
    private void assertRejected(RosterFileSet files, String file, long line, String column, String says) {
        Map<String, Object> problem = importZip(files.zip(), false)
            .expectStatus().isEqualTo(422)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem.get("type")).isEqualTo("urn:chorus:problem:roster-invalid");
        assertThat((String) problem.get("detail")).contains("nothing was imported");
        List<Map<String, Object>> problems = (List<Map<String, Object>>) problem.get("problems");
        assertThat(problems).anySatisfy(p -> {
            assertThat(p.get("file")).isEqualTo(file);
            assertThat(((Number) p.get("line")).longValue()).isEqualTo(line);
            assertThat(p.get("column")).isEqualTo(column);
            assertThat((String) p.get("problem")).contains(says);
            assertThat((String) p.get("fix")).isNotBlank();
        });
        assertOliverIsCalled("Oliver");
    }

    private void assertOliverIsCalled(String name) {
        web.get().uri("/api/v1/me")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].givenName").isEqualTo(name);
    }

    private WebTestClient.ResponseSpec importZip(Path zip, boolean dryRun) {
        return web.post().uri("/api/v1/directory/imports?dryRun=" + dryRun)
            .header("Authorization", Tokens.bearer("leader.trust"))
            .body(BodyInserters.fromMultipartData(multipart(zip)))
            .exchange();
    }

    private static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> multipart(Path zip) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new FileSystemResource(zip)).filename("roster.zip");
        return body.build();
    }
}
