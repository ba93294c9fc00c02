package app.chorus.surveys;

import static app.chorus.surveys.SchoolSurveyScenario.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class DisplayConditionHidesQuestionTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aCarerWhoseChildWalksCannotAnswerTheBusQuestion() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = SchoolSurveyScenario.open(surveys, "Travel survey", Anonymity.NAMED);

        surveys.submit("carer.demo", id, OLIVER, Map.of("happy", 4, "travel", "walk", "bus-safe", 8))
            .expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:invalid-answers")
            .jsonPath("$.errors[0].questionId").isEqualTo("bus-safe")
            .jsonPath("$.errors[0].code").isEqualTo("hidden-question");
        SchoolSurveyScenario.assertNothingWritten(mongo, id);

        surveys.submit("carer.demo", id, OLIVER, Map.of("happy", 4, "travel", "walk")).expectStatus().isCreated();
        surveys.results("head.oakfield", id, null)
            .jsonPath("$.overall[?(@.questionId == 'bus-safe')].answered").isEqualTo(0)
            .jsonPath("$.overall[?(@.questionId == 'travel')].counts.walk").isEqualTo(1);
    }

    @Test
    void whenTheChildTakesTheBusTheFollowUpIsShownAndRequired() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = SchoolSurveyScenario.open(surveys, "Travel survey 2", Anonymity.NAMED);
        surveys.submit("carer.demo", id, OLIVER, Map.of("happy", 4, "travel", "bus"))
            .expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].code").isEqualTo("required");
        surveys.submit("carer.demo", id, OLIVER, Map.of("happy", 4, "travel", "bus", "bus-safe", 8)).expectStatus().isCreated();
        surveys.results("head.oakfield", id, null)
            .jsonPath("$.overall[?(@.questionId == 'bus-safe')].answered").isEqualTo(1)
            .jsonPath("$.overall[?(@.questionId == 'bus-safe')].mean").value(mean -> assertThat(mean.toString()).contains("8.0"));
    }
}
