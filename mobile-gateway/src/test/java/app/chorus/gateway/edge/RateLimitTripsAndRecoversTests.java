package app.chorus.gateway.edge;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A device, or a user across devices, sending too fast gets 429 with Retry-After, and is served again once it
 * waited that long. Limits here: 3 per 8 s per device, 5 per 8 s per user,
 * on the api's cheapest endpoint so that a busy machine does not stretch the burst past the period.
 */
@GatewayTest
@TestPropertySource(properties = {
    "chorus.gateway.rate-limits.per-device.capacity=3", "chorus.gateway.rate-limits.per-device.period=8s",
    "chorus.gateway.rate-limits.per-user.capacity=5", "chorus.gateway.rate-limits.per-user.period=8s"
})
class RateLimitTripsAndRecoversTests {

    @Autowired
    WebTestClient gateway;

    @Test
    void aChattyDeviceIsSlowedDownThenServedAgain() throws InterruptedException {
        Tokens.of("head.oakfield");
        for (int i = 0; i < 3; i++) {
            ping("head.oakfield", "phone-a").expectStatus().isOk();
        }
        long retryAfter = tripped(ping("head.oakfield", "phone-a"));
        ping("head.oakfield", "tablet-b").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(retryAfter + 5)).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> ping("head.oakfield", "phone-a").expectStatus().isOk());
    }

    @Test
    void oneUserCannotEscapeTheLimitBySwitchingDevices() throws InterruptedException {
        Tokens.of("teacher.oakfield");
        Tokens.of("leader.trust");
        for (int i = 0; i < 5; i++) {
            ping("teacher.oakfield", "device-" + i).expectStatus().isOk();
        }
        long retryAfter = tripped(ping("teacher.oakfield", "device-5"));
        ping("leader.trust", "device-6").expectStatus().isOk();

        await().atMost(Duration.ofSeconds(retryAfter + 5)).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> ping("teacher.oakfield", "device-7").expectStatus().isOk());
    }

    private WebTestClient.ResponseSpec ping(String user, String device) {
        return gateway.get().uri("/api/v1/ping")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer(user))
            .header("X-Device-Id", device)
            .exchange();
    }

    private static long tripped(WebTestClient.ResponseSpec response) {
        var result = response.expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:rate-limited")
            .returnResult();
        long retryAfter = Long.parseLong(result.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, 8L);
        return retryAfter;
    }
}
