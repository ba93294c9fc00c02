package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static app.chorus.consultations.ConsultationFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Oakfield adds a local question to an adaptable trust-wide consultation for pupils: its pupils answer it once each,
 * Riverside's pupils have nothing to answer, and Oakfield's head sees the answers only once five pupils have given them.
 * Pupils are signed in with Spring Security's test authentication (this is not about sign-in); leaders with real tokens.
 */
@ApiTest
class PupilsAnswerTheirSchoolsLocalQuestionsTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ApplicationContext context;
    @Autowired
    AudienceResolver audiences;

    @Test
    void oakfieldsHeadSeesTheAnswersToItsLocalQuestionOnceFivePupilsHaveGivenThem() {
        String id = adaptableForPupils();
        List<String> oakfield = pupilsOf("sch-001", 6);

        oakfield.subList(0, 4).forEach(pupil -> answer(pupil, id, "yes").expectStatus().isCreated());
        Map<?, ?> four = results("head.oakfield", id, "sch-001").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(four.get("hidden")).as("four pupils could be told apart").isEqualTo(true);
        assertThat(four.get("respondents")).isNull();
        assertThat((List<?>) four.get("questions")).isEmpty();

        answer(oakfield.get(4), id, "no").expectStatus().isCreated();
        Map<?, ?> five = results("head.oakfield", id, "sch-001").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(five.get("hidden")).isEqualTo(false);
        assertThat(five.get("respondents")).isEqualTo(5);
        Map<?, ?> bus = (Map<?, ?>) ((List<?>) five.get("questions")).get(0);
        assertThat(bus.get("counts")).isEqualTo(Map.of("yes", 4, "no", 1));
    }

    @Test
    void eachPupilAnswersOnceOnlyTheirOwnSchoolsQuestionsAndOnlyWithAnAnswerTheQuestionAllows() {
        String id = adaptableForPupils();
        String pupil = pupilsOf("sch-001", 1).get(0);

        answer(pupil, id, "maybe").expectStatus().isBadRequest();
        answer(pupil, id, "yes").expectStatus().isCreated();
        answer(pupil, id, "no").expectStatus().isEqualTo(409).expectBody().jsonPath("$.rule").isEqualTo("already-answered");
        answer(pupilsOf("sch-002", 1).get(0), id, "yes").expectStatus().isNotFound().expectBody().jsonPath("$.rule")
            .isEqualTo("no-local-questions");
        results("head.riverside", id, "sch-001").expectStatus().isNotFound();
    }

    private String adaptableForPupils() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        Map<String, Object> adaptable = new HashMap<>(draft("Travel to school", null, audience("TRUST", List.of(), "PUPILS"),
            "IDEAS", ago(1), "DELIBERATION", in(60 * 24 * 7)));
        adaptable.put("adaptation", Map.of("adaptable", true, "closingFrom", ago(10).toString(), "closingUntil", in(60 * 24 * 14).toString()));
        String id = consultations.create("leader.trust", adaptable);
        Map<String, Object> question = Map.of("id", "bus", "type", "SINGLE_CHOICE", "text", "Would a later bus help?",
            "required", true, "options", List.of(Map.of("id", "yes", "label", "Yes"), Map.of("id", "no", "label", "No")));
        web.put().uri("/api/v1/consultations/{id}/schools/{school}", id, "sch-001").header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("questions", List.of(question))).exchange().expectStatus().isOk();
        return id;
    }

    private List<String> pupilsOf(String school, int how) {
        return audiences.resolve(Audience.schools(Set.of(school), AudienceRole.PUPILS)).map(AudienceMember::personId)
            .sort().take(how).collectList().block();
    }

    private WebTestClient.ResponseSpec answer(String pupilId, String consultationId, String choice) {
        CurrentUser pupil = new CurrentUser(pupilId, pupilId, pupilId, Set.of(Role.PUPIL));
        WebTestClient signedIn = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build()
            .mutateWith(mockAuthentication(new TestingAuthenticationToken(pupil, null, "ROLE_" + Role.PUPIL.claimValue())));
        return signedIn.post().uri("/api/v1/consultations/{id}/local-answers", consultationId)
            .bodyValue(Map.of("answers", Map.of("bus", choice))).exchange();
    }

    private WebTestClient.ResponseSpec results(String who, String consultationId, String school) {
        return web.get().uri("/api/v1/consultations/{id}/schools/{school}/local-results", consultationId, school)
            .header("Authorization", Tokens.bearer(who)).exchange();
    }
}
