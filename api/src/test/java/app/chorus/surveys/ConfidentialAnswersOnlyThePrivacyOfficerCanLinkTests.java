package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class ConfidentialAnswersOnlyThePrivacyOfficerCanLinkTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void answersAreStoredWithoutIdentityAndOnlyThePrivacyOfficerCanLinkThem() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String id = surveys.opened("leader.trust", draft("Confidential survey", Audience.trust(AudienceRole.CARERS), Anonymity.CONFIDENTIAL));
        web.get().uri("/api/v1/surveys/{id}/form", id).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.anonymityStatement").value(text -> assertThat(text.toString()).contains("privacy officer"));
        String responseId = surveys.submit("carer.demo", id, "pup-000001", walkingAnswers()).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("responseId").toString();

        Document stored = mongo.findById(responseId, Document.class, "survey_responses").block();
        assertThat(stored.toJson()).doesNotContain("car-000001").doesNotContain("pup-000001");
        Document mark = mongo.findOne(Query.query(Criteria.where("surveyId").is(id).and("responseId").is(responseId)),
            Document.class, "survey_participation").block();
        assertThat(mark.toJson()).as("the mark keeps who answered sealed").doesNotContain("car-000001")
            .doesNotContain("pup-000001");
        assertThat(mark.get("identity", Document.class)).containsKeys("k", "c");

        web.get().uri("/api/v1/surveys/{id}/responses/{rid}/identity", id, responseId).header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.personId").isEqualTo("car-000001").jsonPath("$.pupilId").isEqualTo("pup-000001");
        web.get().uri("/api/v1/surveys/{id}/responses/{rid}/identity", id, responseId).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isNotFound();

        web.get().uri("/api/v1/audit?kind=survey-respondent-revealed&actor=stf-00005&limit=200")
            .header("Authorization", Tokens.bearer("leader.trust")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.items[?(@.subject == 'survey:" + id + "/response:" + responseId + "')]").exists();
    }
}
