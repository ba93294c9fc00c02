package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.at;
import static app.chorus.decisions.DecisionFixtures.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@ApiTest
class CarerRanksOptionsAndChangesTheBallotBeforeCloseTests extends DecisionTestBase {

    @Test
    void theLastBallotCountsLiveAndAtTheClose() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("RANKED_IRV", "NAMED"));

        web.get().uri("/api/v1/decisions/{id}", id).header("Authorization", app.chorus.testing.Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.statements[0]").value(text -> assertThat(text.toString()).contains("Instant runoff").contains("tie"))
            .jsonPath("$.statements[3]").isEqualTo("You can change your ballot until the vote closes; the last one counts.")
            .jsonPath("$.units[0].unit").isEqualTo(DecisionFixtures.OLIVER)
            .jsonPath("$.units[0].cast").isEqualTo(false);

        decisions.cast("carer.demo", id, Map.of("unit", DecisionFixtures.OLIVER, "ranking", List.of("a", "b", "c")))
            .expectStatus().isCreated().expectBody().jsonPath("$.changed").isEqualTo(false);
        List<DecisionFixtures.Family> others = decisions.families("sch-001").subList(0, 6);
        others.subList(0, 3).forEach(family -> decisions.castFor(family, id, ranking("b", "a")));
        others.subList(3, 5).forEach(family -> decisions.castFor(family, id, ranking("c", "b")));
        decisions.castFor(others.get(5), id, ranking("a", "c"));
        assertThat(at(decisions.results("head.oakfield", id, null), "figures", "firstPreferences"))
            .isEqualTo(Map.of("a", 2, "b", 3, "c", 2));

        decisions.cast("carer.demo", id, Map.of("unit", DecisionFixtures.OLIVER, "ranking", List.of("c", "a")))
            .expectStatus().isOk().expectBody().jsonPath("$.changed").isEqualTo(true);

        Map<String, Object> live = decisions.results("carer.demo", id, null);
        assertThat(live.get("ballots")).as("a change replaces, it does not add").isEqualTo(7);
        assertThat(at(live, "figures", "firstPreferences")).isEqualTo(Map.of("a", 1, "b", 3, "c", 3));
        List<Document> olivers = mongo.find(Query.query(Criteria.where("decisionId").is(id).and("pupilId").is(DecisionFixtures.OLIVER)),
            Document.class, "decision_ballots").collectList().block();
        assertThat(olivers).hasSize(1);
        assertThat(olivers.get(0).get("choice", Document.class).get("ranking")).isEqualTo(List.of("c", "a"));

        decisions.close("head.oakfield", id);
        Map<String, Object> closed = decisions.results("carer.demo", id, null);
        assertThat(at(closed, "outcome", "leaders")).as("a is eliminated and its ballot moves to c, Oliver's second choice")
            .isEqualTo(List.of("c"));
        List<Map<String, Object>> rounds = DecisionFixtures.list(closed, "count", "results");
        assertThat(rounds).hasSize(2);
        assertThat(at(rounds.get(0), "tally")).isEqualTo(Map.of("a", 1, "b", 3, "c", 3));
        assertThat(at(rounds.get(1), "tally")).isEqualTo(Map.of("b", 3, "c", 4));
        assertThat(at(closed, "outcome", "explanation").toString()).contains("c won in round 2 with 4 of the 7 ballots");
        decisions.cast("carer.demo", id, Map.of("unit", DecisionFixtures.OLIVER, "ranking", List.of("a")))
            .expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:decision-closed");
    }
}
