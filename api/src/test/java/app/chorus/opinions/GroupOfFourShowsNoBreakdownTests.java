package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Leaders see each group's sizes by school and role, except for a group of fewer than 5 people: a group of 4 shows
 * no breakdown at all. Participants never see breakdowns.
 */
@ApiTest
class GroupOfFourShowsNoBreakdownTests {

    private static final int STATEMENTS = 7;

    @Autowired
    ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void aGroupOfFourShowsNoSchoolBreakdownToLeaders() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("Should the school day start later?", false);
        List<String> statements = new ArrayList<>();
        for (int s = 0; s < STATEMENTS; s++) {
            statements.add(scenario.seed(conversation, "Later start statement " + s));
        }
        for (int p = 50; p < 66; p++) {
            CurrentUser pupil = OpinionScenario.pupil(p);
            boolean few = p < 54;
            for (String statement : statements) {
                scenario.vote(pupil, conversation, statement, few ? "DISAGREE" : "AGREE").expectStatus().isOk();
            }
        }

        Map<String, Object> map = scenario.mapOnce(OpinionScenario.LEADER, conversation,
            m -> ((Number) m.get("placed")).intValue() == 16 && ((List<?>) m.get("groups")).size() == 2);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) map.get("groups");
        Map<String, Object> four = groups.stream().filter(g -> ((Number) g.get("size")).intValue() == 4).findFirst().orElseThrow();
        Map<String, Object> twelve = groups.stream().filter(g -> ((Number) g.get("size")).intValue() == 12).findFirst().orElseThrow();
        assertThat((Map<String, Object>) four.get("breakdown")).containsEntry("suppressed", true)
            .containsEntry("bySchool", null).containsEntry("byRole", null);
        assertThat((Map<String, Object>) twelve.get("breakdown")).containsEntry("suppressed", false)
            .containsEntry("byRole", Map.of("pupils", 12));

        Map<String, Object> asPupil = scenario.map(OpinionScenario.pupil(50), conversation);
        assertThat((List<Map<String, Object>>) asPupil.get("groups")).allSatisfy(g -> assertThat(g.get("breakdown")).isNull());
    }
}
