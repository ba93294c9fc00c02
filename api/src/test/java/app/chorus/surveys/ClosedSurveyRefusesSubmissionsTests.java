package app.chorus.surveys;

import static app.chorus.surveys.SchoolSurveyScenario.OLIVER;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class ClosedSurveyRefusesSubmissionsTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void afterTheHeadClosesTheSurveyACarersAnswersAndDraftsAreRefused() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = SchoolSurveyScenario.open(surveys, "Closing survey", Anonymity.NAMED);
        web.post().uri("/api/v1/surveys/{id}/close", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        surveys.submit("carer.demo", id, OLIVER, walkingAnswers())
            .expectStatus().isEqualTo(409)
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:survey-closed");
        web.put().uri("/api/v1/surveys/{id}/responses/{unit}/draft", id, OLIVER).header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("answers", Map.of("happy", 3)))
            .exchange().expectStatus().isEqualTo(409);
        SchoolSurveyScenario.assertNothingWritten(mongo, id);

        web.get().uri("/api/v1/surveys/waiting").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.items[?(@.surveyId == '" + id + "')]").doesNotExist();
    }

    @Test
    void aCarerCannotCloseTheSurvey() {
        String id = SchoolSurveyScenario.open(new SurveyFixtures(web), "Carers cannot close", Anonymity.NAMED);
        web.post().uri("/api/v1/surveys/{id}/close", id).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isNotFound();
    }
}
