package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A consultation that ended longer ago than the schedule keeps contributions: the purge detaches who wrote and who
 * supported (the carer no longer finds the idea marked as theirs) while the idea, its text and its count stay.
 */
@ApiTest
class ExpiredConsultationContributionsAreDetachedTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void authorsAndSupportersAreDetachedAndTheCountsStay() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.trustCarersInIdeas("Healthy tuck shop");
        String idea = consultations.proposed("carer.demo", id, OLIVER, "Fruit on Fridays");
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().is2xxSuccessful();
        assertThat(ideaAsTheCarerSeesIt(id, idea)).containsEntry("mine", true).containsEntry("supports", 1)
            .containsEntry("supportedAs", List.of(OLIVER));

        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
            Update.update("endsAt", Date.from(Instant.now().minus(400, ChronoUnit.DAYS))), "consultations").block();
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.purged.consultationContributions").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(2));

        assertThat(ideaAsTheCarerSeesIt(id, idea)).containsEntry("mine", false).containsEntry("supports", 1)
            .containsEntry("title", "Fruit on Fridays").containsEntry("supportedAs", List.of());
        assertThat(mongo.find(Query.query(Criteria.where("consultationId").is(id)), Document.class, "consultation_supports")
            .map(Document::toJson).collectList().block()).singleElement().satisfies(support ->
                assertThat(support).doesNotContain("personId").doesNotContain(OLIVER));
        assertThat(mongo.count(Query.query(Criteria.where("consultationId").is(id)), "consultation_participants").block()).isZero();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ideaAsTheCarerSeesIt(String consultationId, String ideaId) {
        return web.get().uri("/api/v1/consultations/{id}/ideas/{idea}", consultationId, ideaId)
            .header("Authorization", Tokens.bearer("carer.demo")).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }
}
