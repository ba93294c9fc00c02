package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.NotificationsTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationsTest
class AuthorAsksOnceForAnotherModeratorTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Moderation moderation;

    @Test
    void aRemovedIdeaIsReviewedByAnotherModeratorOnlyOnce() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution idea = scenario.written(ModerationScenario.PUPIL, true, "Phones allowed at break");
        scenario.submit(idea);
        scenario.post("pupil.demo", idea, "review", Map.of("reason", "too early")).expectStatus().isEqualTo(409);
        scenario.decide("head.oakfield", idea, "REMOVED", "Against the school's phone policy").expectStatus().isOk();

        scenario.post("carer.demo", idea, "review", Map.of("reason", "not theirs")).expectStatus().isNotFound();
        scenario.post("pupil.demo", idea, "review", Map.of("reason", "The policy is being reviewed this term"))
            .expectStatus().isOk().expectBody().jsonPath("$.reviewReason").isEqualTo("The policy is being reviewed this term");
        assertThat(scenario.queueOf("leader.trust")).filteredOn("id", idea.ref().id()).singleElement()
            .satisfies(entry -> assertThat(entry.get("reason")).isEqualTo("The author asked for another moderator to review the decision"));

        scenario.decide("head.oakfield", idea, "SHOWN", null).expectStatus().isEqualTo(409);
        scenario.decide("leader.trust", idea, "SHOWN", null).expectStatus().isOk()
            .expectBody().jsonPath("$.decisions.length()").isEqualTo(2).jsonPath("$.decisions[1].by").isEqualTo("stf-00001");
        assertThat(scenario.visibility(idea)).isEqualTo(Visibility.SHOWN);
        scenario.post("pupil.demo", idea, "review", Map.of("reason", "again")).expectStatus().isEqualTo(409);
    }
}
