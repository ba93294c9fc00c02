package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Under a minimum age of 18 (no year group reaches it), Oliver (pupil.demo) reads a consultation asking pupils and
 * carers but proposes an idea only once his parent consents; his parent speaking for him needs no consent.
 */
@ApiTest
@TestPropertySource(properties = "chorus.children.minimum-age=18")
class PupilUnderTheMinimumAgeProposesOnlyWithACarersConsentTests {

    @Autowired
    WebTestClient web;

    @AfterEach
    void withdrawTheConsent() {
        consent("DELETE").expectStatus().isOk();
    }

    @Test
    void oliverProposesOnceHisParentConsentsAndHisParentSpeaksForHimEitherWay() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.create("leader.trust", draft("Pupil voice: the library", null,
            audience("TRUST", List.of(), "PUPILS", "CARERS"), "IDEAS", ago(1)));
        consent("DELETE").expectStatus().isOk();

        consultations.get("pupil.demo", id);
        consultations.propose("pupil.demo", id, null, "Comics section").expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:carer-consent-needed");
        consultations.propose("carer.demo", id, OLIVER, "Longer opening hours").expectStatus().isCreated();

        consent("PUT").expectStatus().isOk();
        consultations.propose("pupil.demo", id, null, "Comics section").expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec consent(String method) {
        return web.method(org.springframework.http.HttpMethod.valueOf(method))
            .uri("/api/v1/children/{pupilId}/participation-consent", OLIVER)
            .header("Authorization", Tokens.bearer("carer.demo")).exchange();
    }
}
