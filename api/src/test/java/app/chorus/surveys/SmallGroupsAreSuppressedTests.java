package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SmallGroupsAreSuppressedTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;

    @Test
    void aSchoolOfFourRespondentsIsHiddenAndCannotBeWorkedOutFromTheTotal() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = surveys.opened("leader.trust", draft("Trust anonymous survey", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        Map<String, Integer> wanted = Map.of("sch-001", 6, "sch-002", 4, "sch-003", 7);
        Map<String, Integer> answered = new java.util.HashMap<>();
        for (Respondents.ChildUnit unit : new Respondents(audiences, directory).oneCarerPerChild()) {
            if (answered.getOrDefault(unit.schoolId(), 0) < wanted.getOrDefault(unit.schoolId(), 0)) {
                responding.submit(unit.carerId(), id, unit.pupilId(), walkingAnswers(), UUID.randomUUID().toString()).block();
                answered.merge(unit.schoolId(), 1, Integer::sum);
            }
        }
        assertThat(answered).isEqualTo(wanted);

        Map<?, ?> results = results(id, "school");
        assertThat(results.get("respondents")).isEqualTo(17);
        List<Map<?, ?>> groups = groups(results);
        Map<?, ?> riverside = group(groups, "sch-002");
        assertThat(riverside.get("suppressed")).isEqualTo(true);
        assertThat(riverside.get("respondents")).isNull();
        assertThat(riverside.get("results")).isNull();
        assertThat(group(groups, "sch-001").get("suppressed")).as("the next smallest hides with it").isEqualTo(true);
        assertThat(group(groups, "sch-003").get("respondents")).isEqualTo(7);
        assertThat(groups.stream().filter(group -> Boolean.TRUE.equals(group.get("suppressed")))).hasSize(2);
        assertThat(17 - 7).as("what subtraction reveals is the two hidden schools together, never one").isNotEqualTo(4);

        for (String by : List.of("year", "role")) {
            List<Map<?, ?>> other = groups(results(id, by));
            assertThat(other.stream().filter(group -> Boolean.TRUE.equals(group.get("suppressed"))).count()).isNotEqualTo(1L);
            other.stream().filter(group -> !Boolean.TRUE.equals(group.get("suppressed")))
                .forEach(group -> assertThat(((Number) group.get("respondents")).intValue()).isGreaterThanOrEqualTo(5));
        }

        String csv = web.get().uri("/api/v1/surveys/{id}/export.csv", id).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).as("an anonymous export does not name a suppressed school").doesNotContain("sch-002").doesNotContain("sch-001")
            .contains("sch-003").contains("suppressed");
    }

    @Test
    void aSchoolLeaderCannotReadATrustWideSurveysResults() {
        String id = new SurveyFixtures(web).opened("leader.trust", draft("Trust survey", Audience.trust(AudienceRole.CARERS), Anonymity.NAMED));
        web.get().uri("/api/v1/surveys/{id}/results", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isNotFound();
    }

    private Map<?, ?> results(String id, String by) {
        return web.get().uri("/api/v1/surveys/{id}/results?by={by}", id, by).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> groups(Map<?, ?> results) {
        return (List<Map<?, ?>>) ((Map<?, ?>) results.get("breakdown")).get("groups");
    }

    private static Map<?, ?> group(List<Map<?, ?>> groups, String key) {
        return groups.stream().filter(group -> key.equals(group.get("key"))).findFirst().orElseThrow();
    }
}
