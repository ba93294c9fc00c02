package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.approving;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ApiTest
class SchoolGroupOfFourVotersIsSuppressedTests extends DecisionTestBase {

    @Test
    void aSchoolOfFourIsHiddenAndCannotBeWorkedOutFromTheTotal() {
        Map<String, Object> body = DecisionFixtures.oakfield("APPROVAL", "ANONYMOUS");
        body.put("audience", Map.of("scope", "TRUST", "ids", List.of(), "roles", List.of("CARERS")));
        body.remove("schoolId");
        String id = decisions.create("leader.trust", body);
        Map<String, Integer> wanted = Map.of("sch-001", 6, "sch-002", 4, "sch-003", 7);
        Map<String, Integer> cast = new HashMap<>();
        for (DecisionFixtures.Family family : decisions.families(null)) {
            if (cast.getOrDefault(family.schoolId(), 0) < wanted.get(family.schoolId())) {
                decisions.castFor(family, id, approving("a"));
                cast.merge(family.schoolId(), 1, Integer::sum);
            }
        }
        assertThat(cast).isEqualTo(wanted);

        Map<String, Object> results = decisions.results("leader.trust", id, "school");
        assertThat(results.get("ballots")).isEqualTo(17);
        List<Map<String, Object>> groups = DecisionFixtures.list(results, "breakdown", "groups");
        assertThat(group(groups, "sch-002")).containsEntry("suppressed", true).containsEntry("ballots", null).containsEntry("figures", null);
        assertThat(group(groups, "sch-001")).as("the next smallest hides with it").containsEntry("suppressed", true);
        assertThat(group(groups, "sch-003")).containsEntry("suppressed", false).containsEntry("ballots", 7);

        for (String by : List.of("year", "role")) {
            List<Map<String, Object>> other = DecisionFixtures.list(decisions.results("leader.trust", id, by), "breakdown", "groups");
            assertThat(other.stream().filter(group -> Boolean.TRUE.equals(group.get("suppressed"))).count()).isNotEqualTo(1L);
            other.stream().filter(group -> Boolean.FALSE.equals(group.get("suppressed")))
                .forEach(group -> assertThat(((Number) group.get("ballots")).intValue()).isGreaterThanOrEqualTo(5));
        }
    }

    private static Map<String, Object> group(List<Map<String, Object>> groups, String key) {
        return groups.stream().filter(group -> key.equals(group.get("group"))).findFirst().orElseThrow();
    }
}
