package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class CarerOfTwoChildrenAnswersForEachTests {

    @Autowired
    WebTestClient web;
    SurveyFixtures surveys;

    @BeforeEach
    void fixtures() {
        surveys = new SurveyFixtures(web);
    }

    @Test
    void carerSeesOneUnitPerChildLabelledWithNameAndSchoolAndAnswersForEach() {
        String id = surveys.opened("leader.trust", draft("Trust parent survey", Audience.trust(AudienceRole.CARERS), Anonymity.NAMED));

        Map<?, ?> waiting = waitingSurvey(id);
        List<Map<?, ?>> units = (List<Map<?, ?>>) waiting.get("units");
        assertThat(units).extracting(unit -> unit.get("label").toString())
            .anyMatch(label -> label.contains("Oakfield Primary")).anyMatch(label -> label.contains("Riverside Academy"));
        assertThat(units).hasSize(2).extracting(unit -> String.valueOf(unit.get("unit"))).contains("pup-000001");

        for (Map<?, ?> unit : units) {
            surveys.submit("carer.demo", id, unit.get("unit").toString(), walkingAnswers()).expectStatus().isCreated()
                .expectBody().jsonPath("$.responseId").isNotEmpty();
        }

        assertThat(waitingSurveyOrNull(id)).as("nothing left to answer").isNull();
        surveys.results("leader.trust", id, "school").jsonPath("$.respondents").isEqualTo(2)
            .jsonPath("$.breakdown.groups[?(@.key == 'sch-001')].suppressed").isEqualTo(true);
    }

    @Test
    void answeringForOneChildLeavesTheOtherWaitingAndADraftIsKeptMeanwhile() {
        String id = surveys.opened("leader.trust", draft("Trust parent survey 2", Audience.trust(AudienceRole.CARERS), Anonymity.NAMED));
        surveys.submit("carer.demo", id, "pup-000001", walkingAnswers()).expectStatus().isCreated();
        Map<?, ?> other = ((List<Map<?, ?>>) waitingSurvey(id).get("units")).get(0);
        assertThat(other.get("unit")).isNotEqualTo("pup-000001");

        web.put().uri("/api/v1/surveys/{id}/responses/{unit}/draft", id, other.get("unit"))
            .header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("answers", Map.of("travel", "bus")))
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.visibleQuestions").value(visible -> assertThat((List<String>) visible).contains("bus-safe"));
        assertThat(((List<Map<?, ?>>) waitingSurvey(id).get("units")).get(0).get("draft")).isEqualTo(true);
        web.get().uri("/api/v1/surveys/{id}/responses/{unit}/draft", id, other.get("unit"))
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.answers.travel").isEqualTo("bus");
    }

    @Test
    void aSchoolSurveyAsksOnlyAboutTheChildAtThatSchool() {
        String id = surveys.opened("head.oakfield", draft("Oakfield parents",
            Audience.schools(java.util.Set.of("sch-001"), AudienceRole.CARERS), Anonymity.NAMED));
        List<Map<?, ?>> units = (List<Map<?, ?>>) waitingSurvey(id).get("units");
        assertThat(units).extracting(unit -> String.valueOf(unit.get("unit"))).containsExactly("pup-000001");
        surveys.submit("carer.demo", id, "pup-000002-not-mine", walkingAnswers()).expectStatus().isNotFound();
    }

    private Map<?, ?> waitingSurvey(String id) {
        Map<?, ?> survey = waitingSurveyOrNull(id);
        assertThat(survey).as("survey %s waiting for carer.demo", id).isNotNull();
        return survey;
    }

    private Map<?, ?> waitingSurveyOrNull(String id) {
        Map<?, ?> page = web.get().uri("/api/v1/surveys/waiting").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) page.get("items")).stream().filter(item -> id.equals(item.get("surveyId"))).findFirst().orElse(null);
    }
}
