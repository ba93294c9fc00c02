package app.chorus.identity;

import app.chorus.testing.ApiTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser talking to the api, whatever the answer (public, refused, unknown path, the Swagger UI), is told to use
 * HTTPS only, not to sniff types, and that no site may frame it.
 */
@ApiTest
class EveryAnswerCarriesSecurityHeadersTests {

    @Autowired
    WebTestClient web;

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/ping", "/api/v1/me", "/api/v1/no-such-thing", "/v3/api-docs"})
    void hstsNoSniffAndNoFraming(String path) {
        web.get().uri(path).exchange()
            .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
            .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
            .expectHeader().valueMatches("Content-Security-Policy", ".*frame-ancestors 'none'.*")
            .expectHeader().valueEquals("X-Frame-Options", "DENY");
    }
}
