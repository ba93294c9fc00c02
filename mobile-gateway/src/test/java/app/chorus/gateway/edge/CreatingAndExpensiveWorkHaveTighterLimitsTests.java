package app.chorus.gateway.edge;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One account cannot register devices (or create anything) in a loop, nor run exports and results reads back to back,
 * while its ordinary reading stays open. Limits here: 3 creations and 3 expensive requests per minute per user.
 */
@GatewayTest
@TestPropertySource(properties = {
    "chorus.gateway.rate-limits.per-user-creating.capacity=3", "chorus.gateway.rate-limits.per-user-creating.period=1m",
    "chorus.gateway.rate-limits.per-user-expensive.capacity=3", "chorus.gateway.rate-limits.per-user-expensive.period=1m"
})
class CreatingAndExpensiveWorkHaveTighterLimitsTests {

    @Autowired
    WebTestClient gateway;

    @Test
    void aCarerRegisteringDevicesInALoopIsStoppedButStillReadsTheirFeed() {
        for (int i = 0; i < 3; i++) {
            registerDevice("carer.demo", "loop-" + i).expectStatus().value(status -> org.assertj.core.api.Assertions
                .assertThat(status).isNotEqualTo(429));
        }
        registerDevice("carer.demo", "loop-3").expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:rate-limited");

        get("carer.demo", "/api/v1/ping").expectStatus().isOk();
    }

    @Test
    void aLeaderReadingResultsBackToBackIsSlowedDownButStillBrowses() {
        for (int i = 0; i < 3; i++) {
            get("head.oakfield", "/api/v1/surveys/no-such-survey/results").expectStatus().isNotFound();
        }
        get("head.oakfield", "/api/v1/surveys/no-such-survey/export.csv").expectStatus().isEqualTo(429)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER);

        get("head.oakfield", "/api/v1/ping").expectStatus().isOk();
    }

    /** The body is incomplete on purpose: the gateway refuses it, so nothing is registered, but the attempt counts. */
    private WebTestClient.ResponseSpec registerDevice(String user, String installationId) {
        return gateway.put().uri("/mobile/v1/devices/{id}", installationId)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(user))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange();
    }

    private WebTestClient.ResponseSpec get(String user, String path) {
        return gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Tokens.bearer(user)).exchange();
    }
}
