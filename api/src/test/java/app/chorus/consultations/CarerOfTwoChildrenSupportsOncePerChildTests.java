package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class CarerOfTwoChildrenSupportsOncePerChildTests {

    @Autowired
    WebTestClient web;
    ConsultationFixtures consultations;

    @BeforeEach
    void fixtures() {
        consultations = new ConsultationFixtures(web);
    }

    @Test
    void aCarerOfTwoChildrenSupportsAnIdeaOnceForEachChildAndNoMore() {
        String id = consultations.trustCarersInIdeas("Sports premium");
        List<Map<?, ?>> voices = (List<Map<?, ?>>) consultations.get("carer.demo", id).get("yourVoices");
        assertThat(voices).hasSize(2).extracting(voice -> String.valueOf(voice.get("as"))).contains(OLIVER);
        String other = voices.stream().map(voice -> voice.get("as").toString()).filter(as -> !as.equals(OLIVER)).findFirst().orElseThrow();
        String idea = consultations.proposed("carer.demo", id, OLIVER, "A climbing wall");

        consultations.support("carer.demo", id, idea, null).expectStatus().isBadRequest()
            .expectBody().jsonPath("$.rule").isEqualTo("choose-a-voice");
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isOk().expectBody().jsonPath("$.supports").isEqualTo(1)
            .jsonPath("$.supportedAs").isEqualTo(List.of(OLIVER));
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.rule").isEqualTo("already-supported").jsonPath("$.field").isEqualTo("ideaId");
        consultations.support("carer.demo", id, idea, other).expectStatus().isOk().expectBody().jsonPath("$.supports").isEqualTo(2)
            .jsonPath("$.supportedAs.length()").isEqualTo(2);
    }

    @Test
    void aSupportIsWithdrawnUntilTheIdeasPhaseEndsButNotInAnAnonymousConsultation() {
        String id = consultations.trustCarersInIdeas("Lunch menu");
        String idea = consultations.proposed("carer.demo", id, OLIVER, "More fruit");
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isOk();
        web.delete().uri("/api/v1/consultations/{id}/ideas/{idea}/support?as=" + OLIVER, id, idea)
            .header("Authorization", app.chorus.testing.Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.supports").isEqualTo(0);

        Map<String, Object> anonymous = new java.util.HashMap<>(ConsultationFixtures.draft("Anonymous lunch", null,
            ConsultationFixtures.audience("TRUST", List.of(), "CARERS"), "IDEAS", ConsultationFixtures.ago(1)));
        anonymous.put("anonymous", true);
        String secret = consultations.create("leader.trust", anonymous);
        assertThat(((Map<?, ?>) consultations.get("carer.demo", secret).get("statements")).get("supports").toString()).contains("final");
        String secretIdea = consultations.proposed("carer.demo", secret, OLIVER, "Soup");
        consultations.support("carer.demo", secret, secretIdea, OLIVER).expectStatus().isOk().expectBody()
            .jsonPath("$.supportedAs").isEqualTo(List.of(OLIVER));
        web.delete().uri("/api/v1/consultations/{id}/ideas/{idea}/support?as=" + OLIVER, secret, secretIdea)
            .header("Authorization", app.chorus.testing.Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("anonymous-support-is-final");
    }
}
