package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A client always gets RFC 9457 problem details it can act on, whatever went wrong. */
@ApiTest
class ErrorsAreProblemDetailsTests {

    @Autowired
    WebTestClient web;

    @Test
    void unknownAddressAnswers404Problem() {
        problem(web.get().uri("/api/v1/no-such-thing").header("Authorization", Tokens.bearer("carer.demo")).exchange(), 404)
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:not-found");
    }

    @Test
    void wrongMethodAnswers405Problem() {
        problem(web.delete().uri("/api/v1/ping").header("Authorization", Tokens.bearer("carer.demo")).exchange(), 405)
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:method-not-allowed");
    }

    @Test
    void wrongContentTypeAnswers415Problem() {
        problem(web.post().uri("/api/v1/announcements").header("Authorization", Tokens.bearer("head.oakfield"))
            .contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange(), 415)
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:unsupported-media-type");
    }

    @Test
    void oversizedBodyAnswers413Problem() {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        problem(web.post().uri("/api/v1/announcements").header("Authorization", Tokens.bearer("head.oakfield"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue(huge).exchange(), 413)
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:body-too-large");
    }

    @Test
    void malformedJsonAnswers400Problem() {
        problem(web.post().uri("/api/v1/announcements").header("Authorization", Tokens.bearer("head.oakfield"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange(), 400);
    }

    @Test
    void everyErrorCarriesTheRequestIdTheCallerSent() {
        problem(web.get().uri("/api/v1/no-such-thing").header("X-Request-Id", "req-123")
            .header("Authorization", Tokens.bearer("carer.demo")).exchange(), 404)
            .jsonPath("$.requestId").isEqualTo("req-123");
    }

    @Test
    void pingIsPublicAndEchoesARequestId() {
        web.get().uri("/api/v1/ping").exchange()
            .expectStatus().isOk()
            .expectHeader().value("X-Request-Id", id -> assertThat(id).isNotBlank());
    }

    @Test
    void openApiDocumentAndHealthArePublished() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3.1"));
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("UP");
        // every endpoint the other tests called is a series by then: more than the client's default 256 KB
        web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
            .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    private WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.status").isEqualTo(status)
            .jsonPath("$.title").isNotEmpty()
            .jsonPath("$.detail").isNotEmpty();
    }
}
