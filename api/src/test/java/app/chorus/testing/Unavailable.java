package app.chorus.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The answer while a part the api needs is down: a 503 problem of that kind, with Retry-After, saying to try again. */
public final class Unavailable {

    private Unavailable() {
    }

    public static void answered(WebTestClient.ResponseSpec answer, String kind) {
        answer.expectStatus().isEqualTo(503)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:" + kind)
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Try again in a minute"));
    }
}
