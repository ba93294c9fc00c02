package app.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trust admin imports a school's roster and every carer on it can sign in: accounts follow the roster in a realm of
 * the real Keycloak made for these tests (no SMTP there, so invitations are owed).
 */
@ProvisioningTest
class TrustAdminGivesEveryRosteredCarerAnAccountTests {

    @Autowired
    WebTestClient web;

    @AfterEach
    void schoolTakenOutAgain() {
        SmallSchool.remove(web);
        sync();
    }

    @Test
    void carersGetAccountsLeaversAreDisabledAndReturnersEnabled() {
        SmallSchool.importWith(web, List.of(1, 2));
        sync();
        Map<String, Object> carer = TestRealm.userLinkedTo(SmallSchool.carer(2));
        assertThat(carer).containsEntry("enabled", true).containsEntry("username", SmallSchool.carerEmail(2));
        assertThat(TestRealm.realmRoles((String) carer.get("id"))).contains("carer");
        assertThat(TestRealm.realmRoles((String) TestRealm.userLinkedTo(SmallSchool.HEAD).get("id"))).contains("staff");
        assertThat(TestRealm.usersLinkedTo(SmallSchool.pupil(1))).as("pupils sign in only where their school allows").isEmpty();

        SmallSchool.importWith(web, List.of(1));
        sync();
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(2))).containsEntry("enabled", false);
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(1))).containsEntry("enabled", true);

        SmallSchool.importWith(web, List.of(1, 2));
        sync();
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(2))).containsEntry("enabled", true)
            .containsEntry("id", carer.get("id"));

        Map<String, Object> again = sync();
        assertThat(again).containsEntry("created", 0).containsEntry("linked", 0).containsEntry("enabled", 0)
            .containsEntry("disabled", 0).containsEntry("rolesGranted", 0).containsEntry("refused", 0);
        assertThat(((Number) again.get("unchanged")).longValue()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCarerTheRosterSwitchesOffHasNoAccountAndLosesTheirsWhenSwitchedOffLater() {
        SmallSchool.importWith(web, List.of(5, 6), List.of(5));
        sync();
        assertThat(TestRealm.usersLinkedTo(SmallSchool.carer(5))).as("enabledUser=false: no account is made").isEmpty();
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(6))).containsEntry("enabled", true);

        SmallSchool.importWith(web, List.of(5, 6), List.of(6));
        sync();
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(6))).as("switched off on the roster: disabled").containsEntry("enabled", false);
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(5))).containsEntry("enabled", true);

        SmallSchool.importWith(web, List.of(5, 6));
        sync();
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(6))).as("switched on again: enabled").containsEntry("enabled", true);
    }

    @Test
    void aCarerWhoseAccountWasDeletedInKeycloakGetsOneAgainAndIsOwedAnInvitation() {
        SmallSchool.importWith(web, List.of(1));
        sync();
        TestRealm.deleteUser((String) TestRealm.userLinkedTo(SmallSchool.carer(1)).get("id"));

        Map<String, Object> report = sync();

        assertThat(report).containsEntry("created", 1).containsEntry("emailConfigured", false);
        assertThat(((Number) report.get("invitationsOwed")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(1))).containsEntry("enabled", true);
    }

    @Test
    void aRosterImportGivesTheNewCarersAccountsWithoutAnyoneAsking() {
        SmallSchool.importWith(web, List.of(3));
        await("the new carer's account").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
            .until(() -> !TestRealm.usersLinkedTo(SmallSchool.carer(3)).isEmpty());
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(3))).containsEntry("enabled", true);
    }

    @Test
    void aCarerARosterImportTakesOffLosesTheirAccountWithoutAnyoneAsking() {
        SmallSchool.importWith(web, List.of(7, 8));
        await("the carers' accounts").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
            .until(() -> !TestRealm.usersLinkedTo(SmallSchool.carer(8)).isEmpty() && !TestRealm.usersLinkedTo(SmallSchool.carer(7)).isEmpty());

        SmallSchool.importWith(web, List.of(7));
        await("the leaver's account disabled").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
            .until(() -> Boolean.FALSE.equals(TestRealm.userLinkedTo(SmallSchool.carer(8)).get("enabled")));
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(7))).as("the carer still on the roster keeps theirs").containsEntry("enabled", true);
    }

    @Test
    void theDemoUsersAreLinkedNotDuplicated() {
        sync();
        assertThat(TestRealm.usersLinkedTo("car-000001")).singleElement()
            .satisfies(user -> assertThat(user).containsEntry("username", "carer.demo").containsEntry("enabled", true));
        assertThat(TestRealm.realmRoles((String) TestRealm.userLinkedTo("stf-00001").get("id")))
            .as("the extra roles of existing users are left alone").contains("trust-leader", "trust-admin", "staff");
    }

    @Test
    void aSchoolThatLetsItsPupilsSignInGetsThemAccounts() {
        SmallSchool.importWith(web, List.of(4));
        pupilSignIn(SmallSchool.ID, "{\"allowed\": true}").expectStatus().isOk();
        sync();
        Map<String, Object> pupil = TestRealm.userLinkedTo(SmallSchool.pupil(4));
        assertThat(pupil).containsEntry("username", SmallSchool.pupil(4)).containsEntry("enabled", true);
        assertThat(TestRealm.realmRoles((String) pupil.get("id"))).contains("pupil");
        pupilSignIn(SmallSchool.ID, "{\"allowed\": false}").expectStatus().isOk();
    }

    @Test
    void aTeacherCannotSyncAccounts() {
        web.post().uri("/api/v1/directory/accounts/sync")
            .header("Authorization", Tokens.bearer("teacher.oakfield"))
            .exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith("application/problem+json")
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:accounts-forbidden");
    }

    @Test
    void pupilSignInNeedsASchoolOfTheTrustAndAYesOrNo() {
        pupilSignIn("sch-999", "{\"allowed\": true}").expectStatus().isNotFound();
        pupilSignIn("sch-001", "{\"allowed\": true, \"everyone\": true}").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("everyone"));
        pupilSignIn("sch-001", "{}").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.errors[0].field").isEqualTo("allowed");
        pupilSignIn("sch-001", "{\"allowed\": true}", "head.oakfield").expectStatus().isForbidden();
    }

    private WebTestClient.ResponseSpec pupilSignIn(String school, String body) {
        return pupilSignIn(school, body, "leader.trust");
    }

    private WebTestClient.ResponseSpec pupilSignIn(String school, String body, String user) {
        return web.put().uri("/api/v1/directory/accounts/schools/{school}/pupil-sign-in", school)
            .header("Authorization", Tokens.bearer(user))
            .header("Content-Type", "application/json")
            .bodyValue(body)
            .exchange();
    }

    private Map<String, Object> sync() {
        return SmallSchool.sync(web);
    }
}
