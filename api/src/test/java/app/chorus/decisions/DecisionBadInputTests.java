package app.chorus.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class DecisionBadInputTests extends DecisionTestBase {

    @Test
    void refusedBallotsNameTheFieldAndTheRuleAndWriteNothing() {
        String ranked = decisions.create("head.oakfield", DecisionFixtures.oakfield("RANKED_IRV", "NAMED"));
        refused(decisions.cast("carer.demo", ranked, Map.of("ranking", List.of("a", "z"))), 400, "invalid-ballot", "ranking[1]", "unknown-option");
        refused(decisions.cast("carer.demo", ranked, Map.of("ranking", List.of("a", "b", "a"))), 400, "invalid-ballot", "ranking[2]", "duplicate-option");
        refused(decisions.cast("carer.demo", ranked, Map.of("ranking", List.of())), 400, "invalid-ballot", "ranking", "required");
        refused(decisions.cast("carer.demo", ranked, Map.of("ranking", List.of("a"), "approve", List.of("a"))), 400,
            "invalid-ballot", "approve", "not-for-method");
        refused(decisions.cast("carer.demo", ranked, Map.of("ranking", List.of("a"), "weight", 2)), 400, "unknown-field", "weight", "unknown-field");
        refused(decisions.cast("carer.demo", ranked, Map.of("ranking", "a")), 400, "wrong-type", "ranking", "wrong-type");
        decisions.cast("head.riverside", ranked, Map.of("ranking", List.of("a"))).expectStatus().isNotFound();
        web.get().uri("/api/v1/decisions/{id}", ranked).header("Authorization", Tokens.bearer("head.riverside"))
            .exchange().expectStatus().isNotFound().expectHeader().contentType("application/problem+json");
        assertThat(stored("decision_ballots", ranked)).isZero();
        assertThat(stored("decision_tallies", ranked)).isZero();

        String consent = decisions.create("head.oakfield", DecisionFixtures.oakfield("CONSENT", "NAMED"));
        refused(decisions.cast("carer.demo", consent, Map.of("position", "BLOCK")), 400, "invalid-ballot", "reason", "required-to-block");
        refused(decisions.cast("carer.demo", consent, Map.of("position", "DISAGREE", "reason", "  ")), 400, "invalid-ballot", "reason",
            "required-to-disagree");
        refused(decisions.cast("carer.demo", consent, Map.of("position", "VETO", "reason", "no")), 400, "invalid-ballot", "position", "one-of");
        assertThat(stored("decision_ballots", consent)).isZero();

        Map<String, Object> later = DecisionFixtures.with(DecisionFixtures.oakfield("APPROVAL", "NAMED"), "opensAt",
            Instant.now().plusSeconds(3600).toString());
        String scheduled = decisions.create("head.oakfield", later);
        refused(decisions.cast("carer.demo", scheduled, Map.of("approve", List.of("a"))), 409, "decision-not-open", null, null);
        String closed = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "NAMED"));
        decisions.close("head.oakfield", closed);
        refused(decisions.cast("carer.demo", closed, Map.of("approve", List.of("a"))), 409, "decision-closed", null, null);
        assertThat(stored("decision_ballots", scheduled) + stored("decision_ballots", closed)).isZero();

        String anonymous = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "ANONYMOUS"));
        decisions.cast("carer.demo", anonymous, Map.of("approve", List.of("a"))).expectStatus().isCreated();
        refused(decisions.cast("carer.demo", anonymous, Map.of("approve", List.of("b"))), 409, "ballot-final", null, null);
        assertThat(stored("decision_ballots", anonymous)).isEqualTo(1);
    }

    @Test
    void refusedDecisionsNameEveryFieldAndLeadersDecideOnlyForTheirOwnSchool() {
        Map<String, Object> broken = DecisionFixtures.with(DecisionFixtures.oakfield("RANKED_IRV", "NAMED"), "options",
            List.of(DecisionFixtures.option("a", "Alder"), DecisionFixtures.option("a", "Again")));
        broken.put("closesAt", Instant.now().minusSeconds(60).toString());
        broken.put("quorum", 0.5);
        WebTestClient.ResponseSpec response = web.post().uri("/api/v1/decisions").header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(broken).exchange();
        Map<String, Object> problem = body(response.expectStatus().isBadRequest());
        assertThat(DecisionFixtures.list(problem, "errors")).extracting(error -> error.get("field") + ":" + error.get("rule"))
            .containsExactlyInAnyOrder("options[1].id:unique", "closesAt:in-the-future", "quorum:approval-only");

        refused(web.post().uri("/api/v1/decisions").header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(DecisionFixtures.with(DecisionFixtures.oakfield("SCORE", "NAMED"), "colour", "red")).exchange(),
            400, "unknown-field", "colour", "unknown-field");
        long riversideDecisions = riversideDecisions();
        Map<String, Object> elsewhere = DecisionFixtures.with(DecisionFixtures.oakfield("SCORE", "NAMED"), "schoolId", "sch-002");
        elsewhere.put("audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-002"), "roles", List.of("CARERS")));
        refused(web.post().uri("/api/v1/decisions").header("Authorization", Tokens.bearer("head.oakfield")).bodyValue(elsewhere).exchange(),
            403, "cannot-decide", null, null);
        refused(web.post().uri("/api/v1/decisions").header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(DecisionFixtures.oakfield("SCORE", "NAMED")).exchange(), 403, "cannot-decide", null, null);
        assertThat(riversideDecisions()).as("Riverside's decisions (other tests may have made some)").isEqualTo(riversideDecisions);
    }

    private long riversideDecisions() {
        return mongo.count(new org.springframework.data.mongodb.core.query.Query(
            org.springframework.data.mongodb.core.query.Criteria.where("schoolId").is("sch-002")), "decisions").block();
    }

    private static void refused(WebTestClient.ResponseSpec response, int status, String kind, String field, String rule) {
        Map<String, Object> problem = body(response.expectStatus().isEqualTo(status)
            .expectHeader().contentType("application/problem+json"));
        assertThat(problem.get("type")).isEqualTo("urn:chorus:problem:" + kind);
        if (field != null) {
            assertThat(DecisionFixtures.list(problem, "errors")).extracting(error -> error.get("field") + ":" + error.get("rule"))
                .contains(field + ":" + rule);
        }
    }

    private static Map<String, Object> body(WebTestClient.ResponseSpec response) {
        return response.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
            .returnResult().getResponseBody();
    }
}
