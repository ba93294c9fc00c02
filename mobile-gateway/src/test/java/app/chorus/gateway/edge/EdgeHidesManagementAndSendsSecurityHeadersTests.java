package app.chorus.gateway.edge;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Someone probing the gateway from outside finds no management endpoint but health (signed in or not), every answer
 * carries the security headers, another site's page gets no CORS grant (the web client is served from the gateway
 * itself), and an attachment larger than the ordinary body limit still reaches the api.
 */
@GatewayTest
class EdgeHidesManagementAndSendsSecurityHeadersTests {

    @Autowired
    WebTestClient gateway;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/gateway/routes", "/actuator/env", "/actuator/prometheus",
        "/actuator/info", "/actuator/heapdump"})
    void managementEndpointsAreOutOfReach(String path) {
        gateway.get().uri(path).exchange().expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status)
            .as("%s without a token", path).isIn(401, 403, 404));
        gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, Tokens.bearer("leader.trust")).exchange()
            .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status)
                .as("%s with the trust leader's token", path).isIn(403, 404));
    }

    @Test
    void healthStaysOpenForTheProbes() {
        gateway.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/mobile/v1/ping", "/mobile/v1/home", "/api/v1/me", "/", "/config.json", "/actuator/env"})
    void everyAnswerCarriesSecurityHeaders(String path) {
        gateway.get().uri(path).exchange()
            .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueMatches("Content-Security-Policy", ".*script-src 'self';.*frame-ancestors 'self'.*");
    }

    @Test
    void anotherSitesPageIsNotAllowedToCallTheApiFromTheBrowser() {
        gateway.options().uri("/api/v1/me")
            .header(HttpHeaders.ORIGIN, "https://evil.example")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
            .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization")
            .exchange()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        gateway.get().uri("/api/v1/me").header(HttpHeaders.ORIGIN, "https://evil.example")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void anAttachmentOfAFewMegabytesPassesWhereOtherBodiesAreLimited() {
        byte[] threeMegabytes = new byte[3 * 1024 * 1024];
        gateway.post().uri("/api/v1/announcements/no-such-post/attachments?filename=plan.pdf")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("head.oakfield"))
            .contentType(MediaType.APPLICATION_PDF).bodyValue(threeMegabytes)
            .exchange()
            .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status)
                .as("the api decides (no such post), not the gateway's size limit").isNotEqualTo(413));
        gateway.post().uri("/api/v1/announcements")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("head.oakfield"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(threeMegabytes)
            .exchange()
            .expectStatus().isEqualTo(413);
    }
}
