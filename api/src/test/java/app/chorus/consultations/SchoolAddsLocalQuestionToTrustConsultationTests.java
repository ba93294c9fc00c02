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
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SchoolAddsLocalQuestionToTrustConsultationTests {

    @Autowired
    WebTestClient web;
    ConsultationFixtures consultations;

    @BeforeEach
    void fixtures() {
        consultations = new ConsultationFixtures(web);
    }

    @Test
    void oakfieldsLocalQuestionIsSeenByOakfieldFamiliesOnlyAndItsClosingDateStaysInTheTrustsWindow() {
        Map<String, Object> adaptable = new HashMap<>(draft("School day length", null,
            audience("TRUST", List.of(), "CARERS", "STAFF"), "IDEAS", ago(1), "DELIBERATION", in(60 * 24 * 7)));
        adaptable.put("adaptation", Map.of("adaptable", true, "closingFrom", ago(10).toString(), "closingUntil", in(60 * 24 * 14).toString()));
        String id = consultations.create("leader.trust", adaptable);
        Map<String, Object> question = Map.of("id", "bus", "type", "SINGLE_CHOICE", "text", "Would a later bus help?",
            "required", false, "options", List.of(Map.of("id", "yes", "label", "Yes"), Map.of("id", "no", "label", "No")));

        adapt("head.oakfield", id, "sch-001", Map.of("questions", List.of(question), "closesAt", in(60 * 24 * 30).toString()))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.rule").isEqualTo("outside-trust-window")
            .jsonPath("$.field").isEqualTo("closesAt");
        adapt("head.riverside", id, "sch-001", Map.of("questions", List.of(question))).expectStatus().isNotFound();
        adapt("head.oakfield", id, "sch-001", Map.of("questions", List.of(question), "closesAt", in(60 * 24).toString()))
            .expectStatus().isOk();

        List<Map<?, ?>> carerSees = (List<Map<?, ?>>) consultations.get("carer.demo", id).get("localQuestions");
        assertThat(carerSees).extracting(local -> String.valueOf(local.get("schoolId"))).containsExactly("sch-001");
        assertThat(carerSees.get(0).get("questions").toString()).contains("Would a later bus help?");
        assertThat((List<?>) consultations.get("head.riverside", id).get("localQuestions")).isEmpty();
        consultations.propose("carer.demo", id, OLIVER, "Start at 9").expectStatus().isCreated();
    }

    @Test
    void anIdenticalTrustConsultationCannotBeAdapted() {
        String id = consultations.trustCarersInIdeas("Same everywhere");
        adapt("head.oakfield", id, "sch-001", Map.of("questions", List.of())).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.rule").isEqualTo("not-adaptable");
    }

    private WebTestClient.ResponseSpec adapt(String who, String id, String school, Map<String, Object> body) {
        return web.put().uri("/api/v1/consultations/{id}/schools/{school}", id, school).header("Authorization", Tokens.bearer(who))
            .bodyValue(body).exchange();
    }
}
