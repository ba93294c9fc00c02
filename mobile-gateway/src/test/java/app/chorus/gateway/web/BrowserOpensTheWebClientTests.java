package app.chorus.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway serves the SPA from the web-client jar, its settings, and deep links, without hiding the api. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chorus.gateway.issuer-uri=http://127.0.0.1:1/realms/elsewhere",
    "chorus.web.client-id=chorus-web",
    GatewayTest.NO_STORE,
    // The api on the test classpath brings half of gRPC (via firebase-admin); the gateway's gRPC filter then fails.
    "spring.cloud.gateway.server.webflux.filter.json-to-grpc.enabled=false"
})
@AutoConfigureWebTestClient
class BrowserOpensTheWebClientTests {

    @Autowired
    WebTestClient web;

    @Test
    void startPageIsTheApp() {
        assertThat(page("/")).contains("<div id=\"root\">");
    }

    @Test
    void deepLinkIntoTheAppGetsTheAppSoItCanRouteThere() {
        assertThat(page("/surveys/s-1/results")).contains("<div id=\"root\">");
        assertThat(page("/auth/callback?code=abc&state=xyz")).contains("<div id=\"root\">");
    }

    @Test
    void appReadsWhereToSignInAtRuntime() {
        web.get().uri("/config.json").exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
            .expectBody()
            .jsonPath("$.authority").isEqualTo("http://127.0.0.1:1/realms/elsewhere")
            .jsonPath("$.clientId").isEqualTo("chorus-web")
            .jsonPath("$.apiBase").isEqualTo("");
    }

    @Test
    void apiPathsStayTheApiEvenWhenABrowserAsksForHtml() {
        web.get().uri("/api/v1/me").accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void browserFindsTheIconItAsksForOnEveryFirstVisit() {
        byte[] icon = web.get().uri("/favicon.ico").accept(MediaType.ALL).exchange()
            .expectStatus().isOk()
            .expectBody(byte[].class).returnResult().getResponseBody();
        // an ICO file: reserved 0, type 1 (icon)
        assertThat(icon).isNotNull().startsWith(0, 0, 1, 0);
    }

    @Test
    void missingFilesAreNotFoundRatherThanTheApp() {
        web.get().uri("/assets/missing-1234.js").accept(MediaType.ALL).exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void nonPageRequestsAreNotAnsweredWithTheApp() {
        web.get().uri("/surveys/s-1").accept(MediaType.APPLICATION_JSON).exchange()
            .expectStatus().isNotFound();
    }

    private String page(String path) {
        return web.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
            .expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).returnResult().getResponseBody();
    }
}
