package app.chorus.notifications;

import app.chorus.testing.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationsTest
class DeviceRegistrationBadInputTests {

    @Autowired
    WebTestClient web;

    @Test
    void aMalformedTokenIsRefusedWithAProblemAndNothingIsStored() {
        expectProblem(register("carer.demo", "bad-token-phone", Map.of("token", "not a token!", "platform", "android")),
            400, "malformed-token");
        expectNoDevice("carer.demo", "bad-token-phone");
    }

    @Test
    void anUnknownPlatformIsRefused() {
        expectProblem(register("carer.demo", "fridge", Map.of("token", "fcm-fridge-token-" + System.nanoTime(), "platform", "smart-fridge")),
            400, "unknown-platform");
        expectNoDevice("carer.demo", "fridge");
    }

    @Test
    void aTokenRegisteredForSomeoneElseIsRefusedAndStaysTheirs() {
        String token = "fcm-shared-tablet-" + System.nanoTime();
        register("carer.demo", "family-tablet", Map.of("token", token, "platform", "android")).expectStatus().isOk();
        expectProblem(register("teacher.oakfield", "family-tablet", Map.of("token", token, "platform", "android")),
            409, "token-registered-to-someone-else");
        expectNoDevice("teacher.oakfield", "family-tablet");
        web.get().uri("/api/v1/devices").header("Authorization", Tokens.bearer("carer.demo")).exchange()
            .expectBody().jsonPath("$.items[?(@.installationId == 'family-tablet')].token").isEqualTo(token);
    }

    @Test
    void impossibleQuietHoursAreRefusedAndThePreferencesStayAsTheyWere() {
        web.put().uri("/api/v1/preferences").header("Authorization", Tokens.bearer("teacher.oakfield"))
            .bodyValue(Map.of("channels", java.util.List.of("push", "email"), "quietFrom", "21:00", "quietUntil", "07:00"))
            .exchange().expectStatus().isOk();
        for (Map<String, Object> body : java.util.List.<Map<String, Object>>of(
            Map.of("quietFrom", "22:00", "quietUntil", "22:00"),
            Map.of("quietFrom", "25:00", "quietUntil", "07:00"),
            Map.of("quietFrom", "22:00"))) {
            expectProblem(web.put().uri("/api/v1/preferences").header("Authorization", Tokens.bearer("teacher.oakfield"))
                .bodyValue(body).exchange(), 400, "impossible-quiet-hours");
        }
        web.get().uri("/api/v1/preferences").header("Authorization", Tokens.bearer("teacher.oakfield")).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.quietFrom").isEqualTo("21:00:00").jsonPath("$.quietUntil").isEqualTo("07:00:00");
    }

    private WebTestClient.ResponseSpec register(String user, String installation, Map<String, String> body) {
        return web.put().uri("/api/v1/devices/" + installation).header("Authorization", Tokens.bearer(user))
            .bodyValue(body).exchange();
    }

    private static void expectProblem(WebTestClient.ResponseSpec response, int status, String kind) {
        response.expectStatus().isEqualTo(status)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:" + kind)
            .jsonPath("$.detail").isNotEmpty();
    }

    private void expectNoDevice(String user, String installation) {
        web.get().uri("/api/v1/devices").header("Authorization", Tokens.bearer(user)).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.items[?(@.installationId == '" + installation + "')]").doesNotExist();
    }
}
