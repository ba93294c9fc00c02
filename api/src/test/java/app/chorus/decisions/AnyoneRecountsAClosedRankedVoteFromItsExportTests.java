package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.decisions.tally.BallotFile;
import app.chorus.decisions.tally.Contest;
import app.chorus.decisions.tally.InstantRunoff;
import app.chorus.decisions.tally.RankedBallot;
import app.chorus.decisions.tally.RctabConfig;
import app.chorus.decisions.tally.RctabReport;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ApiTest
class AnyoneRecountsAClosedRankedVoteFromItsExportTests extends DecisionTestBase {

    @Test
    void theExportedBallotsAndRulesRecountToTheStoredResultRoundByRound() throws Exception {
        Map<String, Object> body = DecisionFixtures.with(DecisionFixtures.oakfield("RANKED_IRV", "CONFIDENTIAL"), "ranking",
            Map.of("tiebreak", "PREVIOUS_ROUND_COUNTS_THEN_RANDOM", "batchElimination", true));
        String id = decisions.create("head.oakfield", body);
        List<DecisionFixtures.Family> families = decisions.families("sch-001").subList(0, 12);
        String[][] rankings = {{"a", "b"}, {"b", "c", "a"}, {"c"}, {"a"}, {"b", "a"}, {"c", "b"}};
        for (int i = 0; i < families.size(); i++) {
            decisions.castFor(families.get(i), id, ranking(rankings[i % rankings.length]));
        }
        web.get().uri("/api/v1/decisions/{id}/export/ballots.csv", id).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isEqualTo(409);

        decisions.close("head.oakfield", id);

        String csv = export(id, "ballots.csv");
        String config = export(id, "config.json");
        assertThat(csv.lines().findFirst()).contains("ballot_id,rank_1,rank_2,rank_3");
        assertThat(csv.lines().count()).isEqualTo(13);
        assertThat(csv).as("ballot ids are numbers, never a stored id").doesNotContain(id);
        Contest contest = RctabConfig.read(config);
        assertThat(contest.rules().randomSeed()).as("the draw's seed, fixed before the vote, is in the rules").isNotNull();
        List<RankedBallot> ballots = BallotFile.read(new StringReader(csv), contest);
        JsonNode recount = RctabReport.tree(contest, InstantRunoff.count(contest.rules(), ballots));

        Map<String, Object> results = decisions.results("carer.demo", id, null);
        JsonMapper json = JsonMapper.builder().build();
        JsonNode stored = json.valueToTree(results.get("count"));
        assertThat(json.writeValueAsString(recount.get("results"))).as("every round's tallies, eliminations, transfers, inactive ballots")
            .isEqualTo(json.writeValueAsString(stored.get("results")));
        assertThat(recount.get("winner").asString()).isEqualTo(stored.get("winner").asString());
        assertThat(recount.get("summary").get("totalNumBallots").asLong()).isEqualTo(12);
    }

    private String export(String id, String file) {
        return web.get().uri("/api/v1/decisions/{id}/export/{file}", id, file).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
