package app.chorus.rights;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The privacy officer answers a subject access request with one file a person can open: a zip holding who they are,
 * a CSV per kind of record, the attachments they wrote, and a README saying what each file holds and what is left
 * out. A carer downloads the same archive about themself from the privacy page; both downloads are audited, and
 * anyone else asking for someone's archive is refused.
 */
@ApiTest
class PrivacyOfficerDownloadsAPersonsDataAsAnArchiveTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final byte[] PDF = "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj <<>> endobj\n".getBytes(StandardCharsets.ISO_8859_1);

    @Autowired
    WebTestClient web;

    @Test
    void theArchiveHoldsTheHeadsRecordsAndTheLetterTheyAttached() throws IOException {
        String head = (String) get("head.oakfield", "/api/v1/me").get("personId");
        String announcement = (String) web.post().uri("/api/v1/announcements").header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("schoolId", "sch-001", "audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-001"), "roles", List.of("CARERS")),
                "translations", Map.of("en", Map.of("title", "Trip letter", "body", "Please sign the letter."))))
            .exchange().expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody().get("id");
        web.post().uri("/api/v1/announcements/{id}/attachments?filename=trip letter.pdf", announcement)
            .header("Authorization", Tokens.bearer("head.oakfield")).contentType(MediaType.APPLICATION_PDF).bodyValue(PDF)
            .exchange().expectStatus().isCreated();
        long before = audited("subject-access-exported");

        Map<String, byte[]> archive = unzip(web.get().uri("/api/v1/people/{id}/data/archive", head)
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk()
            .expectHeader().contentType("application/zip")
            .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"" + head + "-data.zip\"")
            .expectBody(byte[].class).returnResult().getResponseBody());

        assertThat(text(archive, "person.csv")).startsWith("id,givenName,familyName,email,kind,preferredLanguage,more")
            .contains(head);
        assertThat(text(archive, "announcement-attachments.csv")).contains(announcement + ",wrote,")
            .contains("trip letter.pdf,application/pdf," + PDF.length);
        assertThat(archive).hasEntrySatisfying(letterOf(archive), bytes -> assertThat(bytes).isEqualTo(PDF));
        assertThat(archive).containsKeys("devices.csv", "audit.csv", "survey-answers.csv");
        assertThat(text(archive, "README.txt")).contains("announcement-attachments.csv: ").contains("announcement-attachments/: 1 file")
            .contains("anonymous surveys");
        assertThat(audited("subject-access-exported")).isEqualTo(before + 1);
    }

    @Test
    void aCarerDownloadsTheirOwnArchiveAndCannotHaveSomeoneElses() throws IOException {
        String me = (String) get("carer.demo", "/api/v1/me").get("personId");

        Map<String, byte[]> archive = unzip(web.get().uri("/api/v1/me/data/archive").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk()
            .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"my-chorus-data.zip\"")
            .expectBody(byte[].class).returnResult().getResponseBody());

        List<String> rows = text(archive, "person.csv").lines().toList();
        assertThat(rows).as("a header and the person's row").hasSizeGreaterThan(1);
        assertThat(rows.get(1)).startsWith(me + ",");
        assertThat(archive).containsKey("README.txt");
        web.get().uri("/api/v1/people/{id}/data/archive", "car-000011").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/people/{id}/data/archive", "car-nobody").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isNotFound().expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    private static String letterOf(Map<String, byte[]> archive) {
        return archive.keySet().stream().filter(name -> name.startsWith("announcement-attachments/") && name.endsWith("-trip letter.pdf"))
            .findFirst().orElseThrow(() -> new AssertionError("no letter in " + archive.keySet()));
    }

    private static String text(Map<String, byte[]> archive, String name) {
        assertThat(archive).containsKey(name);
        return new String(archive.get(name), StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private long audited(String kind) {
        return ((List<Map<String, Object>>) get("privacy.trust", "/api/v1/audit?kind=" + kind + "&limit=200").get("items")).size();
    }

    private Map<String, Object> get(String login, String path) {
        return web.get().uri(path).header("Authorization", Tokens.bearer(login)).exchange().expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
    }
}
