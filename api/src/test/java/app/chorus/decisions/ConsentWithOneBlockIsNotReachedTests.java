package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.at;
import static app.chorus.decisions.DecisionFixtures.stance;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ApiTest
class ConsentWithOneBlockIsNotReachedTests extends DecisionTestBase {

    static final String REASON = "Blazers from this supplier cost twice as much; families on free meals cannot afford them.";

    @Test
    void oneBlockStopsConsentAndItsReasonIsShownToTheLeadersDeciding() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("CONSENT", "CONFIDENTIAL"));
        decisions.families("sch-001").subList(0, 5).forEach(family -> decisions.castFor(family, id, stance("AGREE", null)));
        decisions.cast("carer.demo", id, Map.of("position", "BLOCK", "reason", REASON)).expectStatus().isCreated();
        assertThat(at(decisions.results("head.oakfield", id, null), "figures", "positions"))
            .isEqualTo(Map.of("AGREE", 5, "ABSTAIN", 0, "DISAGREE", 0, "BLOCK", 1));

        decisions.close("head.oakfield", id);

        Map<String, Object> leaders = decisions.results("head.oakfield", id, null);
        assertThat(at(leaders, "outcome", "stands")).isEqualTo(false);
        assertThat(at(leaders, "outcome", "explanation").toString()).startsWith("Consent was not reached: 1 person blocked.");
        List<Map<String, Object>> blocks = DecisionFixtures.list(leaders, "count", "blocks");
        assertThat(blocks).singleElement().satisfies(block -> {
            assertThat(block.get("reason")).isEqualTo(REASON);
            assertThat(block.get("who")).as("a confidential ballot names nobody, not even to the leaders").isNull();
        });

        Map<String, Object> voter = decisions.results("carer.demo", id, null);
        assertThat(at(voter, "outcome", "stands")).isEqualTo(false);
        assertThat(at(voter, "count", "blocks")).as("the reasons are for the leaders deciding").isNull();
    }
}
