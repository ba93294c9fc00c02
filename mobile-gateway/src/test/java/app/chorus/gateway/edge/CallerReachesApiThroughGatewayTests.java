package app.chorus.gateway.edge;

import app.chorus.edge.RequestIds;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.ApiAccessLog;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The /api/** route relays the caller's own token and request id to the real api. */
@GatewayTest
class CallerReachesApiThroughGatewayTests {

    @Autowired
    WebTestClient gateway;

    @Test
    void theApiSeesTheCarerThemselves() {
        gateway.get().uri("/api/v1/me")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.username").isEqualTo("carer.demo");
    }

    @Test
    void theAppsRequestIdReachesTheApisLog() {
        try (ApiAccessLog log = ApiAccessLog.capture()) {
            gateway.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
                .header(RequestIds.HEADER, "app-req-42")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(RequestIds.HEADER, "app-req-42");

            assertThat(log.requestIdsFor("/api/v1/me")).contains("app-req-42");
        }
    }

    @Test
    void aRequestWithoutAnIdGetsOneThatTheApiLogsToo() {
        try (ApiAccessLog log = ApiAccessLog.capture()) {
            String issued = gateway.get().uri("/api/v1/me")
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(RequestIds.HEADER);

            assertThat(issued).isNotBlank();
            assertThat(log.requestIdsFor("/api/v1/me")).contains(issued);
        }
    }

    @Test
    void theGatewaysOwnNoOpNeedsNoApi() {
        gateway.get().uri("/mobile/v1/ping")
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("ok");
    }
}
