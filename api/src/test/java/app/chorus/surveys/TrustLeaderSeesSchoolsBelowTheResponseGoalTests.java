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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trust leader sets a 40% response goal on a trust survey closing within the week and sees, school by school, how
 * many children's families were asked, how many answered and which schools are below the goal; figures about fewer
 * than five families stay hidden.
 */
@ApiTest
class TrustLeaderSeesSchoolsBelowTheResponseGoalTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;

    @Test
    void schoolsBelowTheGoalAreMarkedAndSmallCountsStayHidden() {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft("Travel to school", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        web.put().uri("/api/v1/surveys/{id}/goal", id).header("Authorization", Tokens.bearer("leader.trust"))
            .bodyValue(Map.of("responseRate", 40)).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.responseGoal").isEqualTo(40);
        List<Respondents.ChildUnit> children = new Respondents(audiences, directory).oneCarerPerChild();
        Map<String, Long> childrenBySchool = children.stream().collect(Collectors.groupingBy(Respondents.ChildUnit::schoolId, Collectors.counting()));
        Map<String, Integer> wanted = Map.of("sch-001", 6, "sch-002", 4, "sch-003", childrenBySchool.get("sch-003").intValue());
        Map<String, Integer> answered = new HashMap<>();
        for (Respondents.ChildUnit unit : children) {
            if (answered.getOrDefault(unit.schoolId(), 0) < wanted.getOrDefault(unit.schoolId(), 0)) {
                responding.submit(unit.carerId(), id, unit.pupilId(), walkingAnswers(), UUID.randomUUID().toString()).block();
                answered.merge(unit.schoolId(), 1, Integer::sum);
            }
        }

        Map<?, ?> rates = openSurveys("leader.trust").stream().filter(survey -> id.equals(survey.get("surveyId"))).findFirst().orElseThrow();
        assertThat(rates.get("goal")).isEqualTo(40);
        assertThat(rates.get("closingSoon")).as("it closes within the week").isEqualTo(true);
        Map<?, ?> riverside = school(rates, "sch-002");
        assertThat(riverside.get("asked")).isEqualTo(childrenBySchool.get("sch-002").intValue());
        assertThat(riverside.get("answered")).as("four families are too few to show").isNull();
        assertThat(riverside.get("percent")).isNull();
        assertThat(riverside.get("answeredHidden")).isEqualTo(true);
        assertThat(riverside.get("belowGoal")).isEqualTo(true);
        assertThat(school(rates, "sch-001").get("answered")).as("the next smallest hides with it").isNull();
        Map<?, ?> third = school(rates, "sch-003");
        assertThat(third.get("asked")).isEqualTo(childrenBySchool.get("sch-003").intValue());
        assertThat(third.get("answered")).isEqualTo(childrenBySchool.get("sch-003").intValue());
        assertThat(third.get("percent")).isEqualTo(100);
        assertThat(third.get("belowGoal")).isEqualTo(false);

        Map<?, ?> one = web.get().uri("/api/v1/surveys/{id}/response-rates", id).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(school(one, "sch-003").get("percent")).isEqualTo(100);
    }

    @Test
    void aGoalOutsideOneToAHundredIsRefusedNamingTheFieldAndOnlyTrustLeadersSeeTheTrustsRates() {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft("Lunches", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        web.put().uri("/api/v1/surveys/{id}/goal", id).header("Authorization", Tokens.bearer("leader.trust"))
            .bodyValue(Map.of("responseRate", 0)).exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("responseRate");
        web.put().uri("/api/v1/surveys/{id}/goal", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("responseRate", 50)).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/trust/survey-response-rates").header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isForbidden();
        Map<?, ?> rates = openSurveys("leader.trust").stream().filter(survey -> id.equals(survey.get("surveyId"))).findFirst().orElseThrow();
        assertThat(rates.get("goal")).isNull();
        assertThat(school(rates, "sch-001").get("belowGoal")).as("no goal, nothing to be below").isNull();
    }

    @SuppressWarnings("unchecked")
    private List<Map<?, ?>> openSurveys(String who) {
        Map<?, ?> page = web.get().uri("/api/v1/trust/survey-response-rates").header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static Map<?, ?> school(Map<?, ?> rates, String schoolId) {
        return ((List<Map<?, ?>>) rates.get("schools")).stream().filter(row -> schoolId.equals(row.get("schoolId"))).findFirst().orElseThrow();
    }
}
