package app.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.Unavailable;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Keycloak goes down while carers are signed in (a stand-in realm on its own port: the real one stays up for the other
 * tests). Tokens already issued keep working with the keys the api fetched before; a token signed with a key the api
 * has not seen yet (the realm rotated its keys) gets a 503 problem that says what to do, at once when nothing listens
 * and within the key fetch timeout when Keycloak hangs; once Keycloak is back, it works, without restarting the api.
 * Every request verifies its token in full (no remembered verifications).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chorus.store.port=0",
    "chorus.store.data-dir=${java.io.tmpdir}/chorus-test-store/${random.uuid}",
    "chorus.identity.clock-skew=1s",
    "chorus.identity.verified-tokens=0",
    "chorus.demo.seed-on-first-start=true",
    "chorus.demo.schools=3",
    "chorus.demo.pupils=120"
})
@AutoConfigureWebTestClient(timeout = "60s")
class CarerKeepsUsingChorusWhileKeycloakIsDownTests {

    /** A free port, kept for the realm's whole life: it goes down and comes back on the same address. */
    private static final int REALM_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final StandInRealm realm = new StandInRealm(REALM_PORT);

    static {
        realm.up();
        Runtime.getRuntime().addShutdownHook(new Thread(realm::close, "stand-in-realm"));
    }

    @DynamicPropertySource
    static void standInRealm(DynamicPropertyRegistry registry) {
        registry.add("chorus.identity.issuer-uri", () -> "http://127.0.0.1:" + REALM_PORT + "/realms/chorus");
    }

    @Autowired
    WebTestClient api;

    @Test
    void signedInCarersCarryOnAndANewKeyWaitsForKeycloakWithAClearAnswer() {
        String before = carer();
        me(before).expectStatus().isOk();

        realm.down();
        me(carer()).expectStatus().isOk();
        me(before).expectStatus().isOk();

        realm.rotate();
        String rotated = carer();
        unavailable(me(rotated));

        realm.hang();
        long started = System.nanoTime();
        unavailable(me(rotated));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a hung Keycloak is given up on, not waited for")
            .isLessThan(Duration.ofSeconds(20));

        realm.up();
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> me(rotated).expectStatus().isOk());
        me(before).expectStatus().isOk();
    }

    private String carer() {
        return realm.token("carer.demo", "car-000001", "carer");
    }

    private WebTestClient.ResponseSpec me(String token) {
        return api.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private static void unavailable(WebTestClient.ResponseSpec answer) {
        Unavailable.answered(answer, "identity-unavailable");
    }
}
