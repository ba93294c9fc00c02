package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trust whose minimum age for pupils taking part is 18 (so no year group reaches it): Oliver (pupil.demo) reads the
 * pupils' opinion map but neither writes nor votes in it until his parent (carer.demo) consents, and not again once
 * she withdraws it; a head teacher cannot consent for him, and his parent's consent and its withdrawal are audited.
 */
@ApiTest
@TestPropertySource(properties = "chorus.children.minimum-age=18")
class PupilUnderTheMinimumAgeTakesPartOnlyWithACarersConsentTests {

    private static final String OLIVER = "pup-000001";
    private static final String CONSENT = "/api/v1/children/{pupilId}/participation-consent";

    @Autowired
    ApplicationContext context;
    @Autowired
    WebTestClient web;

    @Test
    void oliverWritesAndVotesOnlyWhileHisParentsConsentStands() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("What would make lunchtimes better?", false);
        String statement = scenario.seed(conversation, "A second sitting for the youngest");
        CurrentUser oliver = OpinionScenario.pupil(1);
        consent("carer.demo", "DELETE").expectStatus().isOk();

        scenario.as(oliver).get().uri(OpinionScenario.BASE + "/{id}", conversation).exchange().expectStatus().isOk();
        scenario.vote(oliver, conversation, statement, "AGREE").expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith("application/problem+json")
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:carer-consent-needed");
        scenario.write(oliver, conversation, "Music at lunch").expectStatus().isForbidden();

        consent("head.oakfield", "PUT").expectStatus().isNotFound();
        consent("carer.demo", "PUT").expectStatus().isOk().expectBody()
            .jsonPath("$.given").isEqualTo(true).jsonPath("$.minimumAge").isEqualTo(18);
        scenario.vote(oliver, conversation, statement, "AGREE").expectStatus().isOk();
        scenario.write(oliver, conversation, "Music at lunch").expectStatus().isCreated();

        consent("carer.demo", "DELETE").expectStatus().isOk().expectBody().jsonPath("$.given").isEqualTo(false);
        scenario.vote(oliver, conversation, statement, "DISAGREE").expectStatus().isForbidden();
        web.get().uri("/api/v1/audit?kind=participation-consent-given&limit=200")
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.items[0].subject").isEqualTo("pupil")
            .jsonPath("$.items[0].actorId").isEqualTo("car-000001");
        assertThat(consent("carer.demo", "GET").expectStatus().isOk().expectBody(java.util.Map.class).returnResult()
            .getResponseBody()).containsEntry("given", false);
    }

    private WebTestClient.ResponseSpec consent(String who, String method) {
        return web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(CONSENT, OLIVER)
            .header("Authorization", Tokens.bearer(who)).exchange();
    }
}
