package app.chorus.gateway.edge;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A caller with a bad token or a bad request gets a problem from the gateway, and the api sees nothing. */
@GatewayTest
class GatewayBadInputTests {

    @Autowired
    WebTestClient gateway;

    @Test
    void aForgedTokenIsRefusedWithAProblem() {
        String genuine = Tokens.of("carer.demo");
        String[] parts = genuine.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 4) + "AAAA." + parts[2];

        gateway.get().uri("/mobile/v1/home")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + forged)
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:unauthenticated")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Sign in again"))
            .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void anExpiredTokenIsRefusedWithAProblem() {
        String shortLived = Tokens.fetch("chorus", "chorus-test-expiring", "carer.demo");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            gateway.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + shortLived)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:unauthenticated"));
    }

    @Test
    void noTokenAtAllIsAProblemThatSaysHowToSignIn() {
        gateway.get().uri("/api/v1/me")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Authorization: Bearer"));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeReachingTheApi() {
        byte[] huge = new byte[300 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');

        gateway.post().uri("/api/v1/ping")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(huge)
            .exchange()
            .expectStatus().isEqualTo(413)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:body-too-large")
            .jsonPath("$.maxBytes").isEqualTo(256 * 1024);
    }

    @Test
    void aMalformedSyncCursorIsTheApisProblemRelayed() {
        gateway.get().uri("/mobile/v1/sync?since=not-a-cursor!")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:invalid-cursor")
            .jsonPath("$.requestId").isNotEmpty();
    }

    @Test
    void aSyncWithoutACursorSaysWhereToStart() {
        gateway.get().uri("/mobile/v1/sync")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:missing-cursor");
    }

    @Test
    void forgettingAnUnknownDeviceIsANotFoundProblem() {
        gateway.delete().uri("/mobile/v1/devices/never-registered")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isNotFound()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:not-found");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestProblem() {
        gateway.put().uri("/mobile/v1/preferences")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{not json")
            .exchange()
            .expectStatus().isBadRequest()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
