package app.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A school signs in with its own identity provider (here a Keycloak realm standing in for its Entra ID tenant) brokered
 * by the trust's realm: the account provisioning made from the roster is the one signed in to, linked by email; someone
 * the school's provider knows but the roster does not gets no account.
 */
@ProvisioningTest
class SchoolSignsInWithItsOwnIdentityProviderTests {

    private static final String HEAD_EMAIL = "head.sch181@school.example";
    private static final String STRANGER_EMAIL = "supply.teacher@school.example";

    @Autowired
    WebTestClient web;

    @BeforeEach
    void rosteredAndTheSchoolsProviderAdded() {
        SmallSchool.importWith(web, List.of(1));
        SmallSchool.sync(web);
        SchoolIdentityProvider.createWith(List.of(HEAD_EMAIL, STRANGER_EMAIL));
    }

    @AfterEach
    void takenOutAgain() {
        SchoolIdentityProvider.delete();
        SmallSchool.remove(web);
        SmallSchool.sync(web);
    }

    @Test
    void theHeadSignsInWithTheSchoolsProviderToTheAccountTheRosterGaveThem() {
        Map<String, Object> head = TestRealm.userLinkedTo(SmallSchool.HEAD);
        BrowserSignIn browser = new BrowserSignIn();

        BrowserSignIn.Outcome outcome = browser.through(SchoolIdentityProvider.ALIAS, HEAD_EMAIL, SchoolIdentityProvider.PASSWORD);

        assertThat(outcome.code()).as("signed in (Keycloak stopped on: %s)", outcome.page()).isNotNull();
        Map<String, Object> claims = browser.accessTokenClaims(outcome.code());
        assertThat(claims).containsEntry("sub", head.get("id")).containsEntry("sourced_id", SmallSchool.HEAD);
        assertThat(TestRealm.usersWithEmail(HEAD_EMAIL)).as("no second account").hasSize(1);
        assertThat(TestRealm.federatedIdentities((String) head.get("id")))
            .extracting(link -> link.get("identityProvider")).containsExactly(SchoolIdentityProvider.ALIAS);
    }

    @Test
    void someoneTheSchoolsProviderKnowsButTheRosterDoesNotGetsNoAccount() {
        BrowserSignIn.Outcome outcome = new BrowserSignIn().through(SchoolIdentityProvider.ALIAS, STRANGER_EMAIL, SchoolIdentityProvider.PASSWORD);

        assertThat(outcome.code()).as("not signed in").isNull();
        assertThat(TestRealm.usersWithEmail(STRANGER_EMAIL)).as("no account made").isEmpty();
    }
}
