package app.chorus.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.FamilyWithAGrandmother;
import app.chorus.notifications.FanOutFixture;
import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.surveys.internal.SurveyDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A consent survey kept to parents and guardians invites only them: Mia's mother's phone gets the push and the survey
 * waits in her list; her grandmother (a relative on the roster) gets neither. A survey open to every carer invites both.
 */
@NotificationsTest
@ExtendWith(FamilyWithAGrandmother.class)
class GrandmotherIsNotInvitedToAConsentSurveyTests {

    @Autowired
    WebTestClient web;
    @Autowired
    FanOutFixture fixture;
    @Autowired
    SurveyQueries surveys;
    @Autowired
    Recipients recipients;

    @AfterEach
    void phonesAway() {
        fixture.noDevices(FamilyWithAGrandmother.MOTHER);
        fixture.noDevices(FamilyWithAGrandmother.GRANDMOTHER);
    }

    @Test
    void onlyTheMotherIsInvitedToTheConsentSurveyAndBothToTheOpenOne() {
        String mother = phone(FamilyWithAGrandmother.MOTHER);
        String grandmother = phone(FamilyWithAGrandmother.GRANDMOTHER);

        String consent = opened("Trip to the farm: consent", true);
        fixture.awaitSent("survey:" + consent + ":v1", 0, Duration.ofSeconds(60));
        assertThat(fixture.standIn().deliveries().received(mother, consent)).as("the mother is invited").isEqualTo(1);
        assertThat(fixture.standIn().deliveries().received(grandmother, consent)).as("the grandmother is not").isZero();
        assertThat(surveys.waitingFor(FamilyWithAGrandmother.MOTHER).map(WaitingSurvey::surveyId).collectList().block())
            .contains(consent);
        assertThat(surveys.waitingFor(FamilyWithAGrandmother.GRANDMOTHER).map(WaitingSurvey::surveyId).collectList().block())
            .doesNotContain(consent);

        String open = opened("Lunch menu ideas", false);
        fixture.awaitSent("survey:" + open + ":v1", 0, Duration.ofSeconds(60));
        assertThat(fixture.standIn().deliveries().received(mother, open)).isEqualTo(1);
        assertThat(fixture.standIn().deliveries().received(grandmother, open)).as("every carer is asked this one").isEqualTo(1);
        assertThat(surveys.waitingFor(FamilyWithAGrandmother.GRANDMOTHER).map(WaitingSurvey::surveyId).collectList().block())
            .contains(open);
    }

    /** A phone with the default preferences (no digest, no mutes) for a carer of the roster. */
    private String phone(String personId) {
        recipients.savePreferences(personId, Preferences.DEFAULTS).block();
        return fixture.device(personId, "phone", Platform.ANDROID);
    }

    private String opened(String title, boolean parentsAndGuardiansOnly) {
        SurveyDraft draft = new SurveyDraft(title, "We read every answer.",
            Audience.schools(Set.of(FamilyWithAGrandmother.SCHOOL), AudienceRole.CARERS), Anonymity.NAMED, false, null,
            Instant.now().plus(7, ChronoUnit.DAYS), SurveyFixtures.parentQuestionnaire(), null, parentsAndGuardiansOnly);
        return new SurveyFixtures(web).opened("leader.trust", draft);
    }
}
