package app.chorus.identity;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every token the api must not trust answers 401 with problem details, validated against the real Keycloak. */
@ApiTest
class RejectedTokensGetProblemDetailsTests {

    @Autowired
    WebTestClient web;

    @Test
    void expiredTokenIsRejected() throws InterruptedException {
        String token = Tokens.fetch("chorus", "chorus-test-expiring", "carer.demo");
        // the client issues 1-second tokens; the api allows 1 s of clock skew in tests
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
            expectRejected(token).jsonPath("$.detail").value(detail -> assertThat((String) detail).containsIgnoringCase("expired")));
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        // admin-cli exists in every realm and mints tokens without the chorus-api audience
        String token = Tokens.fetch("chorus", "admin-cli", "carer.demo");
        expectRejected(token).jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("audience"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        String token = Tokens.fetch("chorus-elsewhere", "chorus-test", "stranger");
        expectRejected(token);
    }

    @Test
    void tamperedTokenIsRejected() {
        String[] parts = Tokens.of("carer.demo").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replace("\"carer\"", "\"trust-leader\"");
        String token = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
        expectRejected(token);
    }

    @Test
    void garbageTokenIsRejected() {
        expectRejected("not-a-jwt");
    }

    @Test
    void validTokenOfTheSameUserStillWorks() {
        web.get().uri("/api/v1/me").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk();
    }

    private WebTestClient.BodyContentSpec expectRejected(String token) {
        return web.get().uri("/api/v1/me")
            .header("Authorization", "Bearer " + token)
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().value("WWW-Authenticate", value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
            .expectBody()
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:unauthenticated");
    }
}
