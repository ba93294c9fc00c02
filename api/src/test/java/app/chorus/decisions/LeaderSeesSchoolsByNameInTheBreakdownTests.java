package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.approving;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@ApiTest
class LeaderSeesSchoolsByNameInTheBreakdownTests extends DecisionTestBase {

    @Test
    void eachSchoolGroupIsLabelledWithTheSchoolsName() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "NAMED"));
        decisions.families("sch-001").stream().limit(5).forEach(family -> decisions.castFor(family, id, approving("a")));

        List<Map<String, Object>> groups = DecisionFixtures.list(decisions.results("head.oakfield", id, "school"), "breakdown", "groups");

        String oakfield = directory.school("sch-001").block().name();
        assertThat(oakfield).isNotBlank().isNotEqualTo("sch-001");
        assertThat(groups).singleElement().satisfies(group -> assertThat(group)
            .containsEntry("group", "sch-001").containsEntry("label", oakfield).containsEntry("ballots", 5));
    }
}
