package app.chorus.rights;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer downloads what Chorus holds about them from the privacy page, without asking the privacy officer: the same
 * export the officer would make, about them only, and the download is in the audit.
 */
@ApiTest
class CarerDownloadsTheirOwnDataTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;

    @Test
    @SuppressWarnings("unchecked")
    void theCarerGetsTheirOwnExportAsAFileAndTheDownloadIsAudited() {
        String me = (String) get("carer.demo", "/api/v1/me").get("personId");
        long before = selfExports(me);

        Map<String, Object> export = web.get().uri("/api/v1/me/data").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk()
            .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"my-chorus-data.json\"")
            .expectBody(JSON).returnResult().getResponseBody();

        assertThat(((Map<String, Object>) export.get("person")).get("id")).isEqualTo(me);
        assertThat((Map<String, Object>) export.get("sections")).containsKey("devices");
        assertThat((List<String>) export.get("notes")).anyMatch(note -> note.contains("anonymous surveys"));
        assertThat(selfExports(me)).isEqualTo(before + 1);
    }

    @Test
    void aCarerStillCannotExportSomeoneElse() {
        web.get().uri("/api/v1/people/{id}/data", "car-000011").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isForbidden();
    }

    @SuppressWarnings("unchecked")
    private long selfExports(String personId) {
        Map<String, Object> page = get("privacy.trust", "/api/v1/audit?kind=subject-access-self-exported&actor=" + personId + "&limit=200");
        return ((List<Map<String, Object>>) page.get("items")).size();
    }

    private Map<String, Object> get(String login, String path) {
        return web.get().uri(path).header("Authorization", Tokens.bearer(login)).exchange().expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
    }
}
