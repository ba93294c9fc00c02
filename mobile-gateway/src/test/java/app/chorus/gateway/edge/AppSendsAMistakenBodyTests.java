package app.chorus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An app developer's mistakes in a body sent to /mobile/v1 are refused by the gateway as the api refuses them: a
 * problem naming the field and the rule, the known name suggested for a misspelt one, and nothing is kept.
 */
@GatewayTest
class AppSendsAMistakenBodyTests {

    @Autowired
    WebTestClient gateway;

    @Test
    void aMisspeltPreferenceIsRefusedWithTheKnownNameSuggested() {
        refused(put("/mobile/v1/preferences", "{\"channels\":[\"push\"],\"mutedSchool\":[\"sch-1\"]}"), "unknown-field")
            .jsonPath("$.rule").isEqualTo("unknown-field")
            .jsonPath("$.field").isEqualTo("mutedSchool")
            .jsonPath("$.suggestion").isEqualTo("mutedSchools")
            .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void aMisspeltReceiptFieldIsRefusedToo() {
        gateway.post().uri("/mobile/v1/announcements/any/opened")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"fromPsh\":true}")
            .exchange()
            .expectStatus().isBadRequest()
            .expectBody()
            .jsonPath("$.field").isEqualTo("fromPsh")
            .jsonPath("$.suggestion").isEqualTo("fromPush");
    }

    @Test
    void aNumberWhereTheTokenTextBelongsIsRefusedAndNoDeviceIsRegistered() {
        String installation = "strict-" + UUID.randomUUID();

        refused(put("/mobile/v1/devices/" + installation, "{\"token\":42,\"platform\":\"ios\",\"appVersion\":\"2.1.0\",\"locale\":\"en-GB\"}"),
            "wrong-type")
            .jsonPath("$.field").isEqualTo("token")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("'token' must be a string"));

        gateway.get().uri("/mobile/v1/devices")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody(String.class).value(devices -> assertThat(devices).doesNotContain(installation));
    }

    @Test
    void aWordWhereYesOrNoBelongsNamesTheFieldAndWhatItTakes() {
        refused(put("/mobile/v1/preferences", "{\"channels\":[\"push\"],\"dailyDigest\":\"yes please\"}"), "wrong-type")
            .jsonPath("$.rule").isEqualTo("wrong-type")
            .jsonPath("$.field").isEqualTo("dailyDigest")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("true or false"));
    }

    @Test
    void aBodyCutShortIsMalformedJson() {
        refused(put("/mobile/v1/preferences", "{\"channels\":[\"push\""), "malformed-json")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Send one JSON object"));
    }

    @Test
    void aGarbledSyncCursorIsAProblemNamingTheCursor() {
        refused(gateway.get().uri("/mobile/v1/sync?since={cursor}", "%%%garbage")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange(), "invalid-cursor")
            .jsonPath("$.field").isEqualTo("since");
    }

    /** A problem+json 400 of this kind. */
    private static WebTestClient.BodyContentSpec refused(WebTestClient.ResponseSpec response, String rule) {
        return response.expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:" + rule);
    }

    private WebTestClient.ResponseSpec put(String path, String body) {
        return gateway.put().uri(path)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body)
            .exchange();
    }
}
