package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.FamilyWithAGrandmother;
import app.chorus.shared.Problem;
import app.chorus.surveys.internal.SurveyDraft;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A consent survey for Willow Bank's carers is kept to parents and guardians: Mia's grandmother (a relative on the
 * roster) is not asked to answer for her, her mother is, and the survey says who answers for a child.
 */
@ApiTest
@ExtendWith(FamilyWithAGrandmother.class)
class GrandmotherIsNotAskedAConsentSurveyForTheChildTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;

    @Test
    void theGrandmothersAnswerForMiaIsRefusedAndHerMothersIsTaken() {
        SurveyDraft consent = new SurveyDraft("Trip to the farm: consent", "We read every answer.",
            Audience.schools(Set.of(FamilyWithAGrandmother.SCHOOL), AudienceRole.CARERS), Anonymity.NAMED, false, null,
            Instant.now().plus(7, ChronoUnit.DAYS), SurveyFixtures.parentQuestionnaire(), null, true);
        String id = new SurveyFixtures(web).opened("leader.trust", consent);

        web.get().uri("/api/v1/surveys/{id}", id).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.parentsAndGuardiansOnly").isEqualTo(true)
            .jsonPath("$.carersStatement").value(text -> assertThat(text.toString())
                .contains("parents and guardians").contains("other relatives on the roster are not asked"));

        Problem refused = catchThrowableOfType(Problem.class, () -> responding.submit(FamilyWithAGrandmother.GRANDMOTHER, id,
            FamilyWithAGrandmother.PUPIL, walkingAnswers(), "grandmother").block());
        assertThat(refused.status()).isEqualTo(404);
        assertThat(responding.submit(FamilyWithAGrandmother.MOTHER, id, FamilyWithAGrandmother.PUPIL, walkingAnswers(), "mother")
            .block()).isNotNull();
    }
}
