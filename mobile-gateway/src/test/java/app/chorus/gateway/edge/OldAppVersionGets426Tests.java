package app.chorus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A parent on an app older than the supported minimum (2.0.0 here) is told to update; current apps pass. */
@GatewayTest
class OldAppVersionGets426Tests {

    @Autowired
    WebTestClient gateway;

    @Test
    void anOldIosAppIsToldToUpdate() {
        gateway.get().uri("/mobile/v1/home")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .header("X-App-Platform", "ios")
            .header("X-App-Version", "1.9.3")
            .exchange()
            .expectStatus().isEqualTo(426)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:app-update-required")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Update the app from the App Store"))
            .jsonPath("$.minimumVersion").isEqualTo("2.0.0")
            .jsonPath("$.updateUrl").value(url -> assertThat((String) url).startsWith("https://apps.apple.com/"));
    }

    @Test
    void anOldAndroidAppIsRecognisedByItsUserAgentEvenWithAnExpiredSession() {
        gateway.get().uri("/api/v1/me")
            .header(HttpHeaders.USER_AGENT, "Chorus/1.12.0 (Android 14; Pixel 7)")
            .exchange()
            .expectStatus().isEqualTo(426)
            .expectBody()
            .jsonPath("$.platform").isEqualTo("android")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Google Play"));
    }

    @Test
    void aCurrentAppIsServed() {
        gateway.get().uri("/api/v1/me")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .header(HttpHeaders.USER_AGENT, "Chorus/2.0.0 (iOS 17.2)")
            .exchange()
            .expectStatus().isOk();
        gateway.get().uri("/api/v1/me")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .header("X-App-Platform", "android")
            .header("X-App-Version", "2.10")
            .exchange()
            .expectStatus().isOk();
    }
}
