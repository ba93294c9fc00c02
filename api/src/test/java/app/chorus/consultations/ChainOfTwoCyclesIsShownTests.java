package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
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
class ChainOfTwoCyclesIsShownTests {

    @Autowired
    WebTestClient web;
    ConsultationFixtures consultations;

    @BeforeEach
    void fixtures() {
        consultations = new ConsultationFixtures(web);
    }

    @Test
    void aConsultationContinuingAnEarlierOneShowsBothCyclesWithTheFirstDecisionFromEitherEnd() {
        String first = consultations.create("head.oakfield", draft("Reading corner", "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS"), "IDEAS", ago(60), "OUTCOME", ago(5)));
        web.put().uri("/api/v1/consultations/{id}/outcome", first).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("decision", "We build a reading corner in every class", "rationale", "Most ideas asked for it"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.outcome.decision").isEqualTo("We build a reading corner in every class");
        Map<String, Object> next = new HashMap<>(draft("Reading corner: one year on", "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS"), "IDEAS", ago(1)));
        next.put("continuesFrom", first);
        String second = consultations.create("head.oakfield", next);

        for (String from : List.of(first, second)) {
            List<Map<?, ?>> chain = (List<Map<?, ?>>) (List<?>) web.get().uri("/api/v1/consultations/{id}/chain", from).header("Authorization", Tokens.bearer("carer.demo"))
                .exchange().expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody();
            assertThat(chain).extracting(cycle -> String.valueOf(cycle.get("id"))).containsExactly(first, second);
            assertThat(chain.get(0).get("decision")).isEqualTo("We build a reading corner in every class");
            assertThat(chain).filteredOn(cycle -> Boolean.TRUE.equals(cycle.get("current"))).extracting(cycle -> String.valueOf(cycle.get("id")))
                .containsExactly(from);
        }
        Map<String, Object> unknown = new HashMap<>(next);
        unknown.put("continuesFrom", "con-nope");
        web.post().uri("/api/v1/consultations").header("Authorization", Tokens.bearer("head.oakfield")).bodyValue(unknown)
            .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("continuesFrom");
    }
}
