package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What "most people" agree on, over fewer than 5 voters, would tell a leader how one or two pupils voted: the map and
 * the report show no consensus until 5 people have voted.
 */
@ApiTest
class FewVotersShowNoConsensusTests {

    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void consensusShowsOnlyOnceFivePeopleHaveVoted() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("Should we have a quiet room at lunch?", false);
        List<String> statements = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            statements.add(scenario.seed(conversation, "Quiet room statement " + s));
        }
        for (int p = 70; p < 74; p++) {
            for (String statement : statements) {
                scenario.vote(OpinionScenario.pupil(p), conversation, statement, "AGREE").expectStatus().isOk();
            }
        }
        Map<String, Object> four = scenario.mapOnce(OpinionScenario.LEADER, conversation,
            m -> ((Number) m.get("participants")).intValue() == 4);
        assertThat((List<Object>) four.get("consensusAgree")).as("4 voters: no consensus shown").isEmpty();
        assertThat((List<Object>) four.get("groupAware")).isEmpty();
        scenario.as(OpinionScenario.LEADER).get().uri(OpinionScenario.BASE + "/{id}/report", conversation).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.consensusAgree.length()").isEqualTo(0);

        for (String statement : statements) {
            scenario.vote(OpinionScenario.pupil(74), conversation, statement, "AGREE").expectStatus().isOk();
        }
        Map<String, Object> five = scenario.mapOnce(OpinionScenario.LEADER, conversation,
            m -> ((Number) m.get("participants")).intValue() == 5);
        assertThat((List<Map<String, Object>>) five.get("consensusAgree")).as("5 voters, all agreeing")
            .extracting(s -> s.get("id")).containsExactlyInAnyOrderElementsOf(statements);
    }
}
