package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class LeaderSeesParticipationAndWhoIsNotYetHeardTests {

    @Autowired
    WebTestClient web;

    @Test
    void oneCarerTakingPartIsASuppressedFigureAndEveryoneElseIsListedAsNotYetHeard() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.create("head.oakfield", draft("Oakfield uniform", "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS"), "IDEAS", ago(1)));
        consultations.proposed("carer.demo", id, OLIVER, "Hoodies on Fridays");

        web.get().uri("/api/v1/consultations/{id}/participation", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.total").doesNotExist().jsonPath("$.totalSuppressed").isEqualTo(true)
            .jsonPath("$.bySchool[0].key").isEqualTo("sch-001").jsonPath("$.bySchool[0].suppressed").isEqualTo(true)
            .jsonPath("$.bySchool[0].people").doesNotExist().jsonPath("$.smallestGroupShown").isEqualTo(5);
        web.get().uri("/api/v1/consultations/{id}/participation", id).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isForbidden();

        String me = web.get().uri("/api/v1/me").header("Authorization", Tokens.bearer("carer.demo")).exchange()
            .expectBody(Map.class).returnResult().getResponseBody().get("personId").toString();
        List<String> unheard = new ArrayList<>();
        String cursor = null;
        do {
            String at = cursor;
            Map<?, ?> page = web.get().uri(uri -> uri.path("/api/v1/consultations/{id}/not-yet-heard").queryParam("limit", 7)
                    .queryParamIfPresent("cursor", java.util.Optional.ofNullable(at)).build(id))
                .header("Authorization", Tokens.bearer("head.oakfield")).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
            ((List<Map<?, ?>>) page.get("items")).forEach(person -> unheard.add(person.get("personId").toString()));
            cursor = (String) page.get("next");
        } while (cursor != null);
        assertThat(unheard).doesNotContain(me).doesNotHaveDuplicates().hasSizeGreaterThan(7);
    }
}
