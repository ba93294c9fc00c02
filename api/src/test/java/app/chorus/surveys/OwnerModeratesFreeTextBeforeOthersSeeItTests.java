package app.chorus.surveys;

import static app.chorus.surveys.SchoolSurveyScenario.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class OwnerModeratesFreeTextBeforeOthersSeeItTests {

    static final String IDEA = "More \"outdoor\" learning, please\nand a chess club";

    @Autowired
    WebTestClient web;

    @Test
    void aTrustLeaderSeesACarersIdeaOnlyAfterTheHeadShowsIt() {
        String id = SchoolSurveyScenario.open(new SurveyFixtures(web), "Ideas survey", Anonymity.NAMED);
        String responseId = answerWithAnIdea(id);

        assertThat(texts("leader.trust", id)).isEmpty();
        assertThat(texts("head.oakfield", id)).singleElement()
            .satisfies(text -> assertThat(text).containsEntry("moderation", "unreviewed").containsEntry("text", IDEA));

        moderate("head.oakfield", id, responseId, "shown").expectStatus().isOk();
        assertThat(texts("leader.trust", id)).singleElement().satisfies(text -> assertThat(text).containsEntry("text", IDEA));
        moderate("leader.trust", id, responseId, "hidden").expectStatus().isNotFound();
        moderate("head.oakfield", id, responseId, "hidden").expectStatus().isOk();
        assertThat(texts("leader.trust", id)).isEmpty();
        moderate("head.oakfield", id, responseId, "shown").expectStatus().isOk();
        moderate("head.oakfield", id, responseId, "deleted").expectStatus().isBadRequest();
    }

    @Test
    void theOwnersCsvExportHasOneRfc4180RowPerResponse() {
        String id = SchoolSurveyScenario.open(new SurveyFixtures(web), "Export survey", Anonymity.NAMED);
        answerWithAnIdea(id);

        var result = web.get().uri("/api/v1/surveys/{id}/export.csv", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk()
            .expectHeader().contentTypeCompatibleWith("text/csv")
            .expectBody(String.class).returnResult();
        String csv = result.getResponseBody();
        assertThat(csv).startsWith("response_id,person_id,pupil_id,school,year_group,role,submitted_at,happy,travel,bus-safe,clubs,"
            + "minutes,ideas,priorities,recommend\r\n");
        assertThat(csv).contains(",car-000001,pup-000001,sch-001,").contains(",4,walk,,art,15,")
            .contains("\"More \"\"outdoor\"\" learning, please\nand a chess club\"").contains(",trips;food,9\r\n");
        assertThat(csv.split("\r\n")).hasSize(2);

        web.get().uri("/api/v1/surveys/{id}/export.json", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$[0].person_id").isEqualTo("car-000001").jsonPath("$[0].ideas").isEqualTo(IDEA);
        web.get().uri("/api/v1/surveys/{id}/export.csv", id).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isNotFound();
    }

    private String answerWithAnIdea(String id) {
        Map<String, Object> answers = new HashMap<>(SurveyFixtures.walkingAnswers());
        answers.put("ideas", IDEA);
        return new SurveyFixtures(web).submit("carer.demo", id, OLIVER, answers).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("responseId").toString();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> texts(String who, String id) {
        Map<?, ?> page = web.get().uri("/api/v1/surveys/{id}/free-text?question=ideas", id).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    private WebTestClient.ResponseSpec moderate(String who, String id, String responseId, String state) {
        return web.put().uri("/api/v1/surveys/{id}/free-text/{rid}/ideas", id, responseId).header("Authorization", Tokens.bearer(who))
            .bodyValue(Map.of("state", state)).exchange();
    }
}
