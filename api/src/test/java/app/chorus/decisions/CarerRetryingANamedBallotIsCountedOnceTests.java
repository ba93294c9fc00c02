package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.at;
import static app.chorus.decisions.DecisionFixtures.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A carer's app sends the same ballot again (the answer was lost): one ballot, counted once; a new key changes it. */
@ApiTest
class CarerRetryingANamedBallotIsCountedOnceTests extends DecisionTestBase {

    @Test
    void aRetryWithTheSameKeyIsAnsweredAsTheFirstAndANewKeyChangesTheBallot() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("RANKED_IRV", "NAMED"));
        Map<String, Object> ballot = Map.of("unit", DecisionFixtures.OLIVER, "ranking", List.of("a", "b"));

        decisions.cast("carer.demo", id, ballot, "lost-answer").expectStatus().isCreated()
            .expectBody().jsonPath("$.replayed").isEqualTo(false);
        decisions.cast("carer.demo", id, ballot, "lost-answer").expectStatus().isOk()
            .expectBody().jsonPath("$.replayed").isEqualTo(true).jsonPath("$.changed").isEqualTo(false);

        decisions.families("sch-001").subList(0, 4).forEach(family -> decisions.castFor(family, id, ranking("b")));

        Map<String, Object> once = decisions.results("head.oakfield", id, "school");
        assertThat(once.get("ballots")).as("four other families and Oliver's, once").isEqualTo(5);
        assertThat(at(once, "figures", "firstPreferences")).isEqualTo(Map.of("a", 1, "b", 4, "c", 0));
        assertThat(stored("decision_ballots", id)).isEqualTo(5);

        decisions.cast("carer.demo", id, Map.of("unit", DecisionFixtures.OLIVER, "ranking", List.of("c")), "second-thoughts")
            .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);
        Map<String, Object> changed = decisions.results("head.oakfield", id, null);
        assertThat(changed.get("ballots")).as("a change replaces, it does not add").isEqualTo(5);
        assertThat(at(changed, "figures", "firstPreferences")).isEqualTo(Map.of("a", 0, "b", 4, "c", 1));
    }
}
