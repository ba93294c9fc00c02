package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.NotificationsTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationsTest
class PupilContributionWaitsForApprovalTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Moderation moderation;

    @Test
    void aPupilsIdeaIsInTheHeadsQueueWithItsReasonAndShowsOnlyOnceApproved() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution idea = scenario.written(ModerationScenario.PUPIL, true, "Can we have a quiet reading corner?");

        assertThat(scenario.submit(idea)).isEqualTo(Visibility.AWAITING_APPROVAL);
        assertThat(scenario.queueOf("head.oakfield")).filteredOn("id", idea.ref().id()).singleElement()
            .satisfies(entry -> assertThat(entry).containsEntry("reason",
                "Written by a pupil: nobody else sees it until a moderator approves it").containsEntry("byPupil", true));
        assertThat(scenario.inQueue("head.riverside", idea)).as("another school's head").isFalse();
        scenario.decide("head.riverside", idea, "SHOWN", null).expectStatus().isNotFound();
        assertThat(scenario.visibility(idea)).isEqualTo(Visibility.AWAITING_APPROVAL);

        scenario.decide("head.oakfield", idea, "SHOWN", null).expectStatus().isOk()
            .expectBody().jsonPath("$.decisions[0].by").isEqualTo("stf-00002");
        assertThat(scenario.visibility(idea)).isEqualTo(Visibility.SHOWN);
        assertThat(scenario.inQueue("head.oakfield", idea)).isFalse();
    }

    @Test
    void aCarersIdeaShowsAtOnceAndAPupilsEditWaitsAgain() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution carers = scenario.written(ModerationScenario.CARER, false, "A walking bus on Fridays");
        assertThat(scenario.submit(carers)).isEqualTo(Visibility.SHOWN);
        assertThat(scenario.inQueue("head.oakfield", carers)).isFalse();

        Contribution pupils = scenario.written(ModerationScenario.PUPIL, true, "More football");
        scenario.submit(pupils);
        scenario.decide("head.oakfield", pupils, "SHOWN", null).expectStatus().isOk();
        Contribution edited = new Contribution(pupils.ref(), pupils.title(), "More football and netball", pupils.schoolId(),
            pupils.safeguardingSchools(), pupils.authorPersonId(), true);
        assertThat(scenario.submit(edited)).isEqualTo(Visibility.AWAITING_APPROVAL);
        assertThat(scenario.submit(edited)).as("the same text again").isEqualTo(Visibility.AWAITING_APPROVAL);
    }

    @Test
    void aRemovalNeedsAReasonAndOnlyLeadersModerate() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution idea = scenario.written(ModerationScenario.PUPIL, true, "Longer lunch");
        scenario.submit(idea);

        scenario.decide("head.oakfield", idea, "REMOVED", null).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("reason");
        scenario.decide("head.oakfield", idea, "AWAITING_APPROVAL", "x").expectStatus().isBadRequest();
        scenario.web().get().uri("/api/v1/moderation/queue").header("Authorization", app.chorus.testing.Tokens.bearer("teacher.oakfield"))
            .exchange().expectStatus().isForbidden();
        scenario.web().get().uri("/api/v1/moderation/queue?cursor=%25%25garbage").header("Authorization",
            app.chorus.testing.Tokens.bearer("head.oakfield")).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("cursor");
        assertThat(scenario.visibility(idea)).isEqualTo(Visibility.AWAITING_APPROVAL);
    }
}
