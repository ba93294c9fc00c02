package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static app.chorus.consultations.ConsultationFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.HashMap;
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
class ConsultationBadInputTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;
    ConsultationFixtures consultations;

    @BeforeEach
    void fixtures() {
        consultations = new ConsultationFixtures(web);
    }

    @Test
    void aTimetableOutOfOrderAndUnknownFieldsAreRefusedNamingFieldAndRuleWithNothingWritten() {
        long before = count("consultations", new Query());
        refusedCreate(draft("Backwards", null, audience("TRUST", List.of(), "CARERS"), "DELIBERATION", in(10), "IDEAS", in(20)),
            "phases[1].phase", "phase-timetable-out-of-order");
        refusedCreate(draft("Backwards", null, audience("TRUST", List.of(), "CARERS"), "IDEAS", in(20), "DELIBERATION", in(10)),
            "phases[1].startsAt", "phase-timetable-out-of-order");
        Map<String, Object> unknown = new HashMap<>(draft("Extra", null, audience("TRUST", List.of(), "CARERS"), "IDEAS", in(1)));
        unknown.put("colour", "blue");
        refusedCreate(unknown, "colour", "unknown-field");
        web.post().uri("/api/v1/consultations").header("Authorization", Tokens.bearer("leader.trust"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"phases\": 3}").exchange()
            .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.field").isEqualTo("phases").jsonPath("$.rule").isEqualTo("wrong-type");
        web.post().uri("/api/v1/consultations").header("Authorization", Tokens.bearer("leader.trust"))
            .contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange().expectStatus().isBadRequest();
        assertThat(count("consultations", new Query())).isEqualTo(before);
    }

    @Test
    void supportingOutsideTheIdeasPhaseSupportingTwiceAndAnUnknownIdeaAreRefused() {
        String id = consultations.trustCarersInIdeas("Homework policy");
        String idea = consultations.proposed("carer.demo", id, OLIVER, "Less on Fridays");
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isOk();
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.rule").isEqualTo("already-supported");
        consultations.support("carer.demo", id, "idea-nope", OLIVER).expectStatus().isNotFound()
            .expectBody().jsonPath("$.field").isEqualTo("ideaId").jsonPath("$.rule").isEqualTo("unknown-idea");

        String deliberating = consultations.create("leader.trust", draft("Uniform", null, audience("TRUST", List.of(), "CARERS"),
            "IDEAS", ago(60), "DELIBERATION", ago(1)));
        consultations.support("carer.demo", deliberating, idea, OLIVER).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.rule").isEqualTo("not-in-ideas-phase").jsonPath("$.field").isEqualTo("phase");
        consultations.propose("carer.demo", deliberating, OLIVER, "Too late").expectStatus().isEqualTo(409);
        assertThat(count("consultation_supports", Query.query(Criteria.where("ideaId").is(idea)))).isEqualTo(1);
        assertThat(count("consultation_ideas", Query.query(Criteria.where("consultationId").is(deliberating)))).isZero();
    }

    @Test
    void commentingWhenNotEligibleIsRefusedAndAnotherSchoolsConsultationIsNotFound() {
        String oakfield = consultations.create("head.oakfield", draft("Oakfield playground", "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS"), "IDEAS", ago(1)));
        consultations.comment("teacher.oakfield", oakfield, null, Map.of("stance", "FOR", "body", "Yes please"))
            .expectStatus().isForbidden().expectBody().jsonPath("$.rule").isEqualTo("not-eligible").jsonPath("$.field").isEqualTo("as");
        web.get().uri("/api/v1/consultations/{id}", oakfield).header("Authorization", Tokens.bearer("head.riverside"))
            .exchange().expectStatus().isNotFound();
        consultations.comment("head.riverside", oakfield, null, Map.of("body", "Hello")).expectStatus().isNotFound();
        assertThat(count("consultation_comments", Query.query(Criteria.where("consultationId").is(oakfield)))).isZero();
    }

    @Test
    void aMergeAcrossConsultationsIsRefusedAndAMergeWithinOneCountsNobodyTwice() {
        String first = consultations.trustCarersInIdeas("Clubs");
        String second = consultations.trustCarersInIdeas("Trips");
        String chess = consultations.proposed("carer.demo", first, OLIVER, "Chess club");
        String chessAgain = consultations.proposed("carer.demo", first, OLIVER, "A chess club please");
        String museum = consultations.proposed("carer.demo", second, OLIVER, "Museum");
        merge(first, chess, museum).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.rule").isEqualTo("merge-across-consultations").jsonPath("$.field").isEqualTo("intoId");

        consultations.support("carer.demo", first, chess, OLIVER).expectStatus().isOk();
        consultations.support("carer.demo", first, chessAgain, OLIVER).expectStatus().isOk();
        merge(first, chessAgain, chess).expectStatus().isOk().expectBody().jsonPath("$.supports").isEqualTo(1);
        consultations.support("carer.demo", first, chessAgain, OLIVER).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.rule").isEqualTo("idea-merged");
        merge(first, chess, chessAgain).expectStatus().isEqualTo(409);
        web.post().uri("/api/v1/consultations/{id}/ideas/{idea}/merge-into/{into}", first, chessAgain, chess)
            .header("Authorization", Tokens.bearer("carer.demo")).exchange().expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec merge(String consultationId, String from, String into) {
        return web.post().uri("/api/v1/consultations/{id}/ideas/{idea}/merge-into/{into}", consultationId, from, into)
            .header("Authorization", Tokens.bearer("leader.trust")).exchange();
    }

    private void refusedCreate(Map<String, Object> draft, String field, String rule) {
        web.post().uri("/api/v1/consultations").header("Authorization", Tokens.bearer("leader.trust")).bodyValue(draft)
            .exchange().expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.field").isEqualTo(field).jsonPath("$.rule").isEqualTo(rule);
    }

    private long count(String collection, Query query) {
        return mongo.count(query, collection).block();
    }
}
