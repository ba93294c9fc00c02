package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.notifications.NotificationsTest;
import app.chorus.shared.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A pupil's written survey answer is submitted as new (one write, no read first); the same answer submitted again, as
 * a repeated or recovered submission does, is the item already queued: it keeps the moderator's decision and is
 * queued once.
 */
@NotificationsTest
class PupilsRepeatedAnswerKeepsTheModeratorsDecisionTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Moderation moderation;

    @Test
    void theSameAnswerSubmittedAgainAfterApprovalStaysShownAndQueuedOnce() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution answer = scenario.written(ModerationScenario.PUPIL, true, "I would like a quiet room at lunch");

        assertThat(moderation.submitNew(answer).block()).as("a pupil's answer, first time").isEqualTo(Visibility.AWAITING_APPROVAL);
        assertThat(scenario.queueOf("head.oakfield")).filteredOn("id", answer.ref().id()).hasSize(1);
        scenario.decide("head.oakfield", answer, "SHOWN", null).expectStatus().isOk();

        assertThat(moderation.submitNew(answer).block()).as("the same answer again").isEqualTo(Visibility.SHOWN);
        assertThat(scenario.visibility(answer)).isEqualTo(Visibility.SHOWN);
        assertThat(scenario.inQueue("head.oakfield", answer)).as("still out of the queue").isFalse();
    }

    @Test
    void anOverlongAnswerIsRefusedNamingTheField() {
        var scenario = new ModerationScenario(web, moderation);
        Contribution answer = scenario.written(ModerationScenario.PUPIL, true, "a".repeat(20_001));

        assertThatThrownBy(() -> moderation.submitNew(answer).block()).isInstanceOfSatisfying(Problem.class,
            problem -> assertThat(problem.properties()).containsEntry("field", "text"));
        assertThat(scenario.visibility(answer)).as("nothing queued").isNull();
    }
}
