package app.chorus.surveys;

import static app.chorus.surveys.SchoolSurveyScenario.OLIVER;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SurveyBadInputTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    SurveyFixtures surveys;
    String id;

    @BeforeEach
    void openSurvey() {
        surveys = new SurveyFixtures(web);
        id = SchoolSurveyScenario.open(surveys, "Bad input survey", Anonymity.NAMED);
    }

    @Test
    void wrongTypesOutOfRangeValuesTooManyPicksAndUnknownOrHiddenQuestionsAreRefusedWithNothingWritten() {
        refused(Map.of("happy", "four", "travel", "walk"), "happy", "wrong-type");
        refused(Map.of("happy", 6, "travel", "walk"), "happy", "out-of-range");
        refused(Map.of("happy", 4, "travel", "walk", "minutes", 500), "minutes", "out-of-range");
        refused(Map.of("happy", 4, "travel", "walk", "clubs", List.of("art", "chess", "football")), "clubs", "too-many-picks");
        refused(Map.of("happy", 4, "travel", "plane"), "travel", "unknown-option");
        refused(Map.of("happy", 4, "travel", "walk", "shoe-size", 5), "shoe-size", "unknown-question");
        refused(Map.of("happy", 4, "travel", "walk", "bus-safe", 3), "bus-safe", "hidden-question");
        refused(Map.of("happy", 4, "travel", "walk", "ideas", "x".repeat(501)), "ideas", "too-long");
        web.post().uri("/api/v1/surveys/{id}/responses/{unit}", id, OLIVER).header("Authorization", Tokens.bearer("carer.demo"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"answers\": [1, 2]}")
            .exchange().expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/v1/surveys/{id}/responses/{unit}", id, OLIVER).header("Authorization", Tokens.bearer("carer.demo"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
            .exchange().expectStatus().isBadRequest();
        SchoolSurveyScenario.assertNothingWritten(mongo, id);
    }

    @Test
    void aSecondSubmissionWithoutTheSameIdempotencyKeyIsRefusedAndTheSameKeyReplaysTheFirst() {
        String responseId = surveys.submit("carer.demo", id, OLIVER, walkingAnswers(), "key-1").expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("responseId").toString();
        surveys.submit("carer.demo", id, OLIVER, walkingAnswers(), "key-1").expectStatus().isOk()
            .expectBody().jsonPath("$.responseId").isEqualTo(responseId).jsonPath("$.replayed").isEqualTo(true);
        surveys.submit("carer.demo", id, OLIVER, Map.of("happy", 1, "travel", "car"), "key-2").expectStatus().isEqualTo(409)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:already-answered");
        surveys.submit("carer.demo", id, OLIVER, walkingAnswers(), null).expectStatus().isEqualTo(409);

        assertThat(mongo.count(Query.query(Criteria.where("surveyId").is(id)), "survey_responses").block()).isEqualTo(1);
        surveys.results("head.oakfield", id, null).jsonPath("$.respondents").isEqualTo(1)
            .jsonPath("$.overall[?(@.questionId == 'happy')].counts.4").isEqualTo(1);
    }

    @Test
    void aSurveyWithAMalformedQuestionnaireIsRefused() {
        Map<String, Object> survey = Map.of("title", "Broken", "anonymity", "NAMED",
            "audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-001"), "roles", List.of("CARERS")),
            "questionnaire", Map.of("sections", List.of(Map.of("id", "s", "title", "S", "questions", List.of(
                Map.of("id", "q.1", "type", "SINGLE_CHOICE", "text", "Pick", "required", true, "options", List.of()))))));
        web.post().uri("/api/v1/surveys").header("Authorization", Tokens.bearer("head.oakfield")).bodyValue(survey)
            .exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:invalid-questionnaire")
            .jsonPath("$.errors[?(@.code == 'bad-id')]").exists()
            .jsonPath("$.errors[?(@.code == 'too-few-options')]").exists();
    }

    private void refused(Map<String, Object> answers, String questionId, String code) {
        surveys.submit("carer.demo", id, OLIVER, answers)
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[?(@.questionId == '" + questionId + "')].code").isEqualTo(code);
    }
}
