package app.chorus.notifications;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationsTest
class UnregisteredTokensAreRetiredTests {

    @Autowired
    FanOutFixture fixture;

    @Autowired
    WebTestClient web;

    @Test
    void aTokenFcmCallsUnregisteredIsDroppedAndNeverUsedOrAcceptedAgain() {
        String token = "fcm-uninstalled-app-" + System.nanoTime();
        register(token).expectStatus().isOk();
        fixture.standIn().markUnregistered(token);
        Audience carers = Audience.trust(AudienceRole.CARERS);

        String first = fixture.publish(FanOutFixture.announcement(carers, Priority.NORMAL, null));
        FanOutProgress progress = fixture.awaitSent(first, 0, Duration.ofSeconds(90));
        assertThat(progress.retired()).isGreaterThanOrEqualTo(1);
        long unregisteredAnswers = fixture.standIn().deliveries().faults("UNREGISTERED");

        web.get().uri("/api/v1/devices").header("Authorization", Tokens.bearer("carer.demo")).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.items[?(@.token == '" + token + "')]").doesNotExist();
        register(token).expectStatus().isEqualTo(409)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:token-retired");

        String second = fixture.publish(FanOutFixture.announcement(carers, Priority.NORMAL, null));
        fixture.awaitSent(second, 0, Duration.ofSeconds(90));
        assertThat(fixture.standIn().deliveries().faults("UNREGISTERED")).as("the retired token is not sent to again")
            .isEqualTo(unregisteredAnswers);
    }

    private WebTestClient.ResponseSpec register(String token) {
        return web.put().uri("/api/v1/devices/old-phone")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("token", token, "platform", "ios", "appVersion", "2.0.0"))
            .exchange();
    }
}
