package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class AnonymousResponseHoldsNoLinkToPersonTests {

    static final List<String> CARER_TRACES = List.of("car-000001", "pup-000001", "Sarah", "Bennett", "Oliver", "carer.demo");

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void storedAnswersCarryNoPersonNoChildNoExactTimeAndARandomId() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = surveys.opened("leader.trust", draft("Anonymous wellbeing survey", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        web.put().uri("/api/v1/surveys/{id}/responses/pup-000001/draft", id).header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("answers", Map.of("happy", 2))).exchange().expectStatus().isOk();
        Map<String, Object> answers = new HashMap<>(walkingAnswers());
        answers.put("ideas", "More trips please");
        surveys.submit("carer.demo", id, "pup-000001", answers).expectStatus().isCreated()
            .expectBody().jsonPath("$.responseId").doesNotExist();

        List<Document> responses = raw("survey_responses", id);
        assertThat(responses).hasSize(1);
        Document response = responses.get(0);
        assertThat(response.keySet()).containsExactlyInAnyOrder("_id", "surveyId", "cell", "answers", "submittedOn", "screened");
        assertThat(response.get("screened", Document.class)).as("moderation's verdict on the written answer")
            .containsExactly(java.util.Map.entry("ideas", "SHOWN"));
        Document queued = mongo.findById("survey-answer:" + response.getString("_id") + ".ideas", Document.class, "moderation_items").block();
        assertThat(queued.get("authorPersonId")).as("the moderation queue does not link it to the carer either").isNull();
        assertNoTraceOfTheCarer(queued);
        assertThat(queued.getDate("submittedAt").toInstant()).as("the day, not the time")
            .isEqualTo(queued.getDate("submittedAt").toInstant().truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        assertThat(response.getString("_id")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.getString("submittedOn")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(response.get("cell", Document.class).keySet()).containsExactlyInAnyOrder("school", "year", "role");
        assertNoTraceOfTheCarer(response);

        List<Document> marks = raw("survey_participation", id);
        assertThat(marks).hasSize(1);
        assertThat(marks.get(0).keySet()).as("the saved draft's answers are gone once submitted")
            .doesNotContain("responseId", "personId", "pupilId", "pendingSince", "answers", "savedAt");
        assertNoTraceOfTheCarer(marks.get(0));
        assertThat(marks.get(0).toJson()).doesNotContain(response.getString("_id"));

        raw("survey_tallies", id).forEach(tally -> {
            Document guards = tally.get("guards", Document.class);
            assertThat(guards == null ? java.util.Set.of() : guards.keySet())
                .as("a guard not yet released names only the random response id").isSubsetOf(response.getString("_id"));
            assertNoTraceOfTheCarer(tally);
        });
    }

    private List<Document> raw(String collection, String surveyId) {
        return mongo.find(Query.query(Criteria.where("surveyId").is(surveyId)), Document.class, collection).collectList().block();
    }

    private static void assertNoTraceOfTheCarer(Document document) {
        String json = document.toJson();
        CARER_TRACES.forEach(trace -> assertThat(json).doesNotContain(trace));
    }
}
