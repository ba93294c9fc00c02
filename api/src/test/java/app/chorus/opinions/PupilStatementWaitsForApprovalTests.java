package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A pupil's statement is nobody else's to see or vote on until a moderator approves it; a statement over 140
 * characters is refused naming the field, and nothing is written.
 */
@ApiTest
class PupilStatementWaitsForApprovalTests {

    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void aPupilsStatementIsOfferedToOthersOnlyOnceApproved() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("What would make break times better?", null);
        CurrentUser author = OpinionScenario.pupil(30);
        CurrentUser other = OpinionScenario.pupil(31);

        Map<String, Object> written = scenario.write(author, conversation, "More benches by the field").expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(written).containsEntry("visibility", "AWAITING_APPROVAL");
        String statement = (String) written.get("id");
        scenario.as(other).get().uri(OpinionScenario.BASE + "/{id}/next-statement", conversation).exchange()
            .expectStatus().isNoContent();
        scenario.vote(other, conversation, statement, "AGREE").expectStatus().isEqualTo(409);

        PlantedGroupsAreSplitThroughTheApiTests.decide(scenario, statement, "SHOWN", null);
        scenario.as(other).get().uri(OpinionScenario.BASE + "/{id}/next-statement", conversation).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.text").isEqualTo("More benches by the field");
        scenario.vote(other, conversation, statement, "AGREE").expectStatus().isOk();
    }

    @Test
    void aStatementOverHundredFortyCharactersIsRefusedAndNothingIsWritten() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("Homework clubs", false);
        scenario.write(OpinionScenario.pupil(32), conversation, "x".repeat(141)).expectStatus().isBadRequest()
            .expectHeader().contentType("application/problem+json")
            .expectBody().jsonPath("$.field").isEqualTo("text");
        scenario.write(OpinionScenario.pupil(32), conversation, "y".repeat(140)).expectStatus().isCreated();
        scenario.as(OpinionScenario.LEADER).get().uri(OpinionScenario.BASE + "/{id}/report", conversation).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.participation.statementsShown").isEqualTo(0);
    }
}
