package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Subject access: a carer's named answers are in their export, their anonymous ones cannot be and are not. */
@ApiTest
class PrivacyOfficerExportsACarersDataTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;

    @Test
    void theExportHoldsNamedAnswersAndSaysAnonymousOnesAreNotLinkable() {
        SurveyFixtures surveys = new SurveyFixtures(web);
        String named = surveys.opened("leader.trust", draft("Named lunch survey", Audience.trust(AudienceRole.CARERS), Anonymity.NAMED));
        String anonymous = surveys.opened("leader.trust",
            draft("Anonymous lunch survey", Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS));
        List<Respondents.ChildUnit> all = new Respondents(audiences, directory).oneCarerPerChild();
        Respondents.ChildUnit unit = all.get(all.size() - 10);
        for (String survey : List.of(named, anonymous)) {
            responding.submit(unit.carerId(), survey, unit.pupilId(), walkingAnswers(), UUID.randomUUID().toString()).block();
        }

        String export = web.get().uri("/api/v1/people/{id}/data", unit.carerId())
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(export).contains("\"surveyId\":\"" + named + "\"").doesNotContain(anonymous)
            .contains("\"aboutPupil\":\"" + unit.pupilId() + "\"")
            .contains("Answers to anonymous surveys, ballots and supports in anonymous consultations hold no link to anyone");
        web.get().uri("/api/v1/audit?kind=subject-access-exported&actor=stf-00005&limit=200")
            .header("Authorization", Tokens.bearer("leader.trust")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.items[0].subject").isEqualTo("person");
    }

    @Test
    void anyoneButThePrivacyOfficerIsRefusedAndUnknownPeopleAreNotFound() {
        for (String who : List.of("leader.trust", "head.oakfield", "carer.demo")) {
            web.get().uri("/api/v1/people/car-000002/data").header("Authorization", Tokens.bearer(who)).exchange()
                .expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/people/car-nobody/data").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isNotFound();
    }
}
