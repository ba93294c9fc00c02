package app.chorus.surveys;

import static app.chorus.surveys.SchoolSurveyScenario.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

@ApiTest
class LiveResultsAndOpeningTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theHeadWatchingLiveResultsSeesANewAnswerArrive() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = SchoolSurveyScenario.open(surveys, "Live survey", Anonymity.NAMED);
        Flux<ServerSentEvent<Map<String, Object>>> events = web.get().uri("/api/v1/surveys/{id}/results/live", id)
            .header("Authorization", Tokens.bearer("head.oakfield"))
            .accept(MediaType.TEXT_EVENT_STREAM)
            .exchange().expectStatus().isOk()
            .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
            .getResponseBody();

        StepVerifier.create(events.filter(event -> event.data() != null) // not the keep-alive comments
                .map(event -> ((Number) event.data().get("respondents")).intValue()))
            .expectNext(0)
            .then(() -> surveys.submit("carer.demo", id, OLIVER, SurveyFixtures.walkingAnswers()).expectStatus().isCreated())
            .thenConsumeWhile(respondents -> respondents == 0)
            .thenCancel()
            .verify(Duration.ofSeconds(30));
        surveys.results("head.oakfield", id, null).jsonPath("$.respondents").isEqualTo(1);
    }

    @Test
    void openingASurveyRecordsThatItsAnnouncementWasDelivered() {
        String id = SchoolSurveyScenario.open(new SurveyFixtures(web), "Announced survey", Anonymity.NAMED);
        Document stored = mongo.findById(id, Document.class, "surveys").block();
        assertThat(stored.get("openingAnnouncedAt")).isNotNull();
        assertThat(stored.get("openedAt")).isNotNull();
    }

    @Test
    void afterTheFirstAnswerAnOptionCanBeAddedAtTheEndButNotRemoved() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = SchoolSurveyScenario.open(surveys, "Revised survey", Anonymity.NAMED);
        surveys.submit("carer.demo", id, OLIVER, SurveyFixtures.walkingAnswers()).expectStatus().isCreated();
        Map<String, Object> survey = web.get().uri("/api/v1/surveys/{id}", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk().expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
            .returnResult().getResponseBody();
        // the edit takes the draft's fields only: the view's read-only ones (id, status, ...) are refused as unknown
        survey.keySet().retainAll(Set.of("title", "description", "audience", "anonymity", "eachCarerAnswers", "opensAt",
            "closesAt", "questionnaire"));
        Map<String, Object> travel = travelQuestion(survey);
        List<Map<String, Object>> options = new java.util.ArrayList<>((List<Map<String, Object>>) travel.get("options"));

        options.add(Map.of("id", "bike", "label", "Bike"));
        travel.put("options", options);
        travel.put("text", "How does your child usually get to school?");
        web.put().uri("/api/v1/surveys/{id}", id).header("Authorization", Tokens.bearer("head.oakfield")).bodyValue(survey)
            .exchange().expectStatus().isOk();

        travel.put("options", options.subList(1, options.size()));
        web.put().uri("/api/v1/surveys/{id}", id).header("Authorization", Tokens.bearer("head.oakfield")).bodyValue(survey)
            .exchange().expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:questionnaire-meaning-changed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> travelQuestion(Map<String, Object> survey) {
        Map<String, Object> questionnaire = (Map<String, Object>) survey.get("questionnaire");
        Map<String, Object> section = ((List<Map<String, Object>>) questionnaire.get("sections")).get(0);
        return ((List<Map<String, Object>>) section.get("questions")).stream()
            .filter(question -> "travel".equals(question.get("id"))).findFirst().orElseThrow();
    }
}
