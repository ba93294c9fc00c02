package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static app.chorus.announcements.AnnouncementSteps.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An urgent announcement goes by email at once to carers without the app. Where no email can go (here no mail server
 * is set up; in production, no address on record), the head teacher's reach says so as people the email fallback did
 * not reach, never as pushes the notification service refused (ADR 0415).
 */
@ApiTest
class HeadTeacherSeesWhomTheEmailFallbackDidNotReachTests {

    @Autowired
    WebTestClient web;

    @Test
    @SuppressWarnings("unchecked")
    void emailsThatCouldNotBeSentAreShownAsSuchAndNotAsPushesRefused() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield", with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"),
            "Snow day", "School is closed today."), "priority", "URGENT")).get("id");

        await("the email fallback's outcome in the reach").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Map<String, Object> reach = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/reach", null);
            Map<String, Object> givenUp = (Map<String, Object>) reach.get("pushesGivenUp");
            assertThat(((Number) givenUp.getOrDefault("emailNotSent", 0)).longValue()).as("not reached by email").isPositive();
            assertThat(givenUp).as("nothing refused by the notification service").doesNotContainKey("refused");
        });
    }
}
