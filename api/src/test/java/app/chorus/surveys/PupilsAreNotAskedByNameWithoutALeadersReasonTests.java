package app.chorus.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.surveys.internal.SurveyDraft;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/** ICO Children's Code: pupils are asked by name only when a leader chose it and recorded why. */
@ApiTest
class PupilsAreNotAskedByNameWithoutALeadersReasonTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aNamedPupilSurveyWithoutAReasonIsRefusedAndNothingIsWritten() {
        String title = "Named pupil survey " + UUID.randomUUID();
        create("leader.trust", draft(title, Anonymity.NAMED, null)).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("namedForPupilsReason");
        create("leader.trust", draft(title, Anonymity.NAMED, " ")).expectStatus().isBadRequest();
        assertThat(mongo.count(Query.query(Criteria.where("title").is(title)), "surveys").block()).isZero();
    }

    @Test
    void staffCannotAskPupilsByNameEvenWithAReason() {
        create("teacher.oakfield", draft("Named by staff", Anonymity.NAMED, "Class trip places")).expectStatus().isForbidden();
    }

    @Test
    void aLeadersChoiceAndReasonAreRecordedInTheAudit() {
        String reason = "Trip places are allocated by name " + UUID.randomUUID();
        String id = create("leader.trust", draft("Trip places", Anonymity.NAMED, reason)).expectStatus().isCreated()
            .expectBody(java.util.Map.class).returnResult().getResponseBody().get("id").toString();

        web.get().uri("/api/v1/audit?kind=survey-named-for-pupils&actor=stf-00001&limit=200")
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.items[?(@.subject == 'survey:" + id + "')].reason").isEqualTo(reason);
    }

    @Test
    void aConfidentialPupilSurveyNeedsNoReason() {
        create("leader.trust", draft("Wellbeing", Anonymity.CONFIDENTIAL, null)).expectStatus().isCreated();
    }

    private static SurveyDraft draft(String title, Anonymity anonymity, String reason) {
        return new SurveyDraft(title, null, Audience.trust(AudienceRole.PUPILS), anonymity, false, null,
            Instant.now().plus(7, ChronoUnit.DAYS), SurveyFixtures.parentQuestionnaire(), reason);
    }

    private WebTestClient.ResponseSpec create(String who, SurveyDraft draft) {
        return web.post().uri("/api/v1/surveys").header("Authorization", Tokens.bearer(who)).bodyValue(draft).exchange();
    }
}
