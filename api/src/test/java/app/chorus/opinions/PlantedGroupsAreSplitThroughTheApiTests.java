package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A leader seeds eight statements; two planted camps of pupils vote opposite ways on them through the api. The map
 * splits them into those two groups, leaves a pupil with three votes unplaced (under the minimum of 7), and changes when
 * a statement is moderated out (its column zeroed: it is no longer representative and takes no votes).
 */
@ApiTest
class PlantedGroupsAreSplitThroughTheApiTests {

    private static final int STATEMENTS = 8;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    @SuppressWarnings("unchecked")
    void twoPlantedCampsBecomeTwoGroupsAndAModeratedOutStatementLeavesTheMap() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("How should we use the field at lunchtime?", false);
        List<String> statements = new ArrayList<>();
        for (int s = 0; s < STATEMENTS; s++) {
            statements.add(scenario.seed(conversation, "Statement " + s + " about the field"));
        }
        List<CurrentUser> campA = new ArrayList<>();
        List<CurrentUser> campB = new ArrayList<>();
        for (int p = 1; p <= 24; p++) {
            CurrentUser pupil = OpinionScenario.pupil(p);
            (p % 2 == 0 ? campA : campB).add(pupil);
            for (int s = 0; s < STATEMENTS; s++) {
                boolean agrees = (s < STATEMENTS / 2) == (p % 2 == 0);
                String vote = s == STATEMENTS - 1 ? "AGREE" : agrees ? "AGREE" : "DISAGREE";
                scenario.vote(pupil, conversation, statements.get(s), vote).expectStatus().isOk();
            }
        }
        CurrentUser fewVotes = OpinionScenario.pupil(25);
        for (int s = 0; s < 3; s++) {
            scenario.vote(fewVotes, conversation, statements.get(s), "AGREE").expectStatus().isOk();
        }

        // the map is updated as votes arrive: wait until it holds the pupil with three votes too, not only the 24 placed
        Map<String, Object> map = scenario.mapOnce(OpinionScenario.LEADER, conversation,
            m -> ((Number) m.get("placed")).intValue() == 24 && ((Number) m.get("participants")).intValue() == 25);
        List<Map<String, Object>> groups = (List<Map<String, Object>>) map.get("groups");
        assertThat(groups).hasSize(2);
        assertThat(groups).extracting(g -> ((Number) g.get("size")).intValue()).containsExactlyInAnyOrder(12, 12);
        assertThat(groups).as("each group comes with its centre and outline to draw")
            .allSatisfy(g -> assertThat((List<Object>) g.get("centre")).hasSize(2))
            .allSatisfy(g -> assertThat((List<Object>) g.get("hull")).isNotEmpty());
        assertThat(groupsOf(scenario, conversation, campA)).as("camp A sits in one group").hasSize(1);
        assertThat(groupsOf(scenario, conversation, campB)).as("camp B sits in one group").hasSize(1);
        assertThat(groupsOf(scenario, conversation, campA)).doesNotContainAnyElementsOf(groupsOf(scenario, conversation, campB));

        Map<String, Object> you = (Map<String, Object>) scenario.map(fewVotes, conversation).get("you");
        assertThat(you).containsEntry("placed", false).containsEntry("group", null).containsEntry("votes", 3);
        assertThat(you.get("closestGroup")).as("the group closest to an unplaced pupil").isNotNull();

        String divisive = statements.get(0);
        assertThat(representative(map)).contains(divisive);
        long before = OpinionScenario.version(map);
        decide(scenario, divisive, "REMOVED", "Off topic");
        // the decision reaches the map through an event: an update already under way when it was taken may still land
        // first (a newer version with the statement), so wait for the update that carries it
        Map<String, Object> after = scenario.mapOnce(OpinionScenario.LEADER, conversation,
            m -> OpinionScenario.version(m) > before && !representative(m).contains(divisive));
        assertThat(representative(after)).as("a moderated-out statement is never representative").doesNotContain(divisive);
        scenario.vote(campA.get(0), conversation, divisive, "DISAGREE").expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.field").isEqualTo("statementId");
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> groupsOf(OpinionScenario scenario, String conversation, List<CurrentUser> camp) {
        Set<Object> groups = new HashSet<>();
        camp.forEach(pupil -> groups.add(((Map<String, Object>) scenario.map(pupil, conversation).get("you")).get("group")));
        return groups;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> representative(Map<String, Object> map) {
        return ((List<Map<String, Object>>) map.get("groups")).stream()
            .flatMap(g -> ((List<Map<String, Object>>) g.get("representative")).stream()).map(s -> s.get("id")).toList();
    }

    static void decide(OpinionScenario scenario, String statement, String visibility, String reason) {
        var body = reason == null ? Map.of("visibility", visibility) : Map.of("visibility", visibility, "reason", reason);
        scenario.as(OpinionScenario.LEADER).post().uri("/api/v1/moderation/items/opinion-statement/{id}/decision", statement)
            .bodyValue(body).exchange().expectStatus().isOk();
    }
}
