package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * One standing vote per person and statement: a second vote replaces the first (and says so), counted once; a vote
 * on an unknown statement or outside the audience is refused with problem details, and nothing is counted.
 */
@ApiTest
class SecondVoteReplacesTheFirstTests {

    @Autowired
    ApplicationContext context;

    @Test
    void aSecondVoteReplacesTheFirstAndSaysSo() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("School uniform", false);
        String statement = scenario.seed(conversation, "Blazers should be optional in summer");
        CurrentUser pupil = OpinionScenario.pupil(40);

        scenario.vote(pupil, conversation, statement, "AGREE").expectStatus().isOk()
            .expectBody().jsonPath("$.replaced").isEqualTo(false);
        scenario.vote(pupil, conversation, statement, "DISAGREE").expectStatus().isOk()
            .expectBody().jsonPath("$.replaced").isEqualTo(true)
            .jsonPath("$.note").isEqualTo("Your new vote replaces your earlier one: one vote per statement counts.");

        assertThat(votesCounted(scenario, conversation)).isEqualTo(1);
        scenario.as(OpinionScenario.pupil(42)).post().uri(OpinionScenario.BASE + "/{id}/votes", conversation)
            .bodyValue(Map.of("statementId", statement, "vote", "AGREE", "weight", 3)).exchange()
            .expectStatus().isBadRequest();
        assertThat(votesCounted(scenario, conversation)).as("a vote with an unknown field is not counted").isEqualTo(1);
        scenario.as(pupil).get().uri(OpinionScenario.BASE + "/{id}/next-statement", conversation).exchange()
            .expectStatus().isNoContent();
    }

    @Test
    void votesOnUnknownStatementsOrWithoutAChoiceAreRefused() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("Trips", false);
        CurrentUser pupil = OpinionScenario.pupil(41);

        scenario.vote(pupil, conversation, "no-such-statement", "AGREE").expectStatus().isBadRequest()
            .expectHeader().contentType("application/problem+json")
            .expectBody().jsonPath("$.field").isEqualTo("statementId");
        scenario.as(pupil).post().uri(OpinionScenario.BASE + "/{id}/votes", conversation)
            .bodyValue(Map.of("statementId", "x")).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("vote");
        CurrentUser carer = new CurrentUser("c", "c", "car-000003", java.util.Set.of(app.chorus.identity.Role.CARER));
        scenario.as(carer).get().uri(OpinionScenario.BASE + "/{id}/map", conversation).exchange()
            .expectStatus().isNotFound();
        assertThat(votesCounted(scenario, conversation)).isZero();
    }

    private static long votesCounted(OpinionScenario scenario, String conversation) {
        Map<?, ?> report = scenario.as(OpinionScenario.LEADER).get().uri(OpinionScenario.BASE + "/{id}/report", conversation)
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) report.get("participation")).get("votes")).longValue();
    }
}
