package app.chorus.accounts;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Provisioning is off unless turned on: a sync says so and what to set, rather than touching Keycloak. */
@ApiTest
class TrustAdminAsksForAccountsWhileProvisioningIsOffTests {

    @Autowired
    WebTestClient web;

    @Test
    void theSyncSaysProvisioningIsOffAndHowToTurnItOn() {
        web.post().uri("/api/v1/directory/accounts/sync")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .exchange()
            .expectStatus().isEqualTo(409)
            .expectHeader().contentTypeCompatibleWith("application/problem+json")
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:account-provisioning-off")
            .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                .contains("chorus.identity.provisioning.enabled=true"));
    }

    @Test
    void aCarerCannotSyncAccountsEvenWhenItIsOff() {
        web.post().uri("/api/v1/directory/accounts/sync")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isForbidden();
    }
}
