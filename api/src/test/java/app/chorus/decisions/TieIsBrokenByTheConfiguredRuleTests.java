package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.at;
import static app.chorus.decisions.DecisionFixtures.ranking;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ApiTest
class TieIsBrokenByTheConfiguredRuleTests extends DecisionTestBase {

    @Test
    void aTieForLastPlaceIsBrokenByADrawWhoseSeedTheResultStates() {
        Map<String, Object> body = DecisionFixtures.with(DecisionFixtures.oakfield("RANKED_IRV", "ANONYMOUS"), "ranking",
            Map.of("tiebreak", "RANDOM", "randomSeed", 20261206));
        String id = decisions.create("head.oakfield", body);
        List<DecisionFixtures.Family> families = decisions.families("sch-001").subList(0, 7);
        families.subList(0, 3).forEach(family -> decisions.castFor(family, id, ranking("a")));
        families.subList(3, 5).forEach(family -> decisions.castFor(family, id, ranking("b", "a")));
        families.subList(5, 7).forEach(family -> decisions.castFor(family, id, ranking("c", "a")));

        decisions.close("head.oakfield", id);

        Map<String, Object> results = decisions.results("carer.demo", id, null);
        List<Map<String, Object>> ties = DecisionFixtures.list(results, "count", "tiebreak", "ties");
        assertThat(ties).singleElement().satisfies(tie -> {
            assertThat(tie.get("tied")).isEqualTo(List.of("b", "c"));
            assertThat(tie.get("for")).isEqualTo("elimination");
        });
        assertThat(at(results, "count", "tiebreak", "randomSeed")).isEqualTo(20261206);
        String explanation = at(results, "outcome", "explanation").toString();
        assertThat(explanation).contains("the tie between b and c (2 votes each) for last place was broken by the rule "
            + "\"draw lots\" (seed 20261206)").contains("a won in round 2");
        assertThat(at(results, "outcome", "leaders")).isEqualTo(List.of("a"));
    }
}
