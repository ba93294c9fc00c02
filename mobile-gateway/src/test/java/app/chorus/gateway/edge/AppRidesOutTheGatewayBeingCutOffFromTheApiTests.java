package app.chorus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.CuttableLink;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.RunningApi;
import app.chorus.testing.Tokens;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
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
 * The network between the gateway and the real api is cut (every connection closed, nothing answering at the api's
 * address) and later restored: while cut, the app gets a 503 problem that says to try again, within the api timeout
 * (5 s); once restored, the gateway carries on by itself (its breaker lets calls through again), unrestarted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE,
    "chorus.gateway.rate-limits.per-user.capacity=10000", "chorus.gateway.rate-limits.per-device.capacity=10000"
})
@AutoConfigureWebTestClient(timeout = "30s")
class AppRidesOutTheGatewayBeingCutOffFromTheApiTests {

    /** A free port, kept for the link's whole life: it is cut and restored on the same address. */
    private static final int LINK_PORT = TestSocketUtils.findAvailableTcpPort();
    private static CuttableLink link;

    @Autowired
    WebTestClient gateway;

    @DynamicPropertySource
    static void throughTheLink(DynamicPropertyRegistry registry) {
        link = new CuttableLink(LINK_PORT, RunningApi.url());
        registry.add("chorus.gateway.api-url", link::url);
    }

    @AfterAll
    static void closeLink() {
        link.close();
    }

    @Test
    void whileCutTheAppIsToldToTryAgainAndOnceRestoredItWorksUnrestarted() {
        String token = Tokens.bearer("carer.demo");
        get("/mobile/v1/home", token).expectStatus().isOk();
        get("/api/v1/me", token).expectStatus().isOk();

        link.cut();
        for (int call = 0; call < 12; call++) {
            long started = System.nanoTime();
            ApiDownAnswers503Tests.apiUnavailable(get(call % 2 == 0 ? "/mobile/v1/home" : "/api/v1/me", token));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }

        link.restore();
        Awaitility.await("the gateway reaches the api again").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
            .untilAsserted(() -> get("/mobile/v1/home", token).expectStatus().isOk());
        get("/api/v1/me", token).expectStatus().isOk();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange();
    }
}
