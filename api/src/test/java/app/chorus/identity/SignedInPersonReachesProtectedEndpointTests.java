package app.chorus.identity;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SignedInPersonReachesProtectedEndpointTests {

    @Autowired
    WebTestClient web;

    @Test
    void carerWithAValidTokenIsRecognisedWithTheirRolesAndDirectoryPerson() {
        web.get().uri("/api/v1/me")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.username").isEqualTo("carer.demo")
            .jsonPath("$.personId").isEqualTo("car-000001")
            .jsonPath("$.roles[0]").isEqualTo("carer");
    }

    @Test
    void callerWithoutATokenGetsAProblemSayingHowToSignIn() {
        web.get().uri("/api/v1/me")
            .exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
            .expectBody()
            .jsonPath("$.status").isEqualTo(401)
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:unauthenticated")
            .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail).contains("Sign in"));
    }
}
