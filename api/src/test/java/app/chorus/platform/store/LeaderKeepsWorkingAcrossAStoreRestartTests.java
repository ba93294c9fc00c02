package app.chorus.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.replicas.Child;
import app.chorus.testing.Tokens;
import app.chorus.testing.Unavailable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The api on a store in its own process, which is killed (SIGKILL) in the middle of a school leader's work and started
 * again on the same data folder: while it is down every request is a 503 problem within the store wait (2 s here),
 * every announcement acknowledged before the kill is there afterwards, and the api carries on by itself, unrestarted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chorus.identity.issuer-uri=${chorus.keycloak.url:http://127.0.0.1:8180}/realms/chorus",
    "chorus.identity.clock-skew=1s",
    "chorus.store.unavailable-after=2s",
    "chorus.demo.seed-on-first-start=true",
    "chorus.demo.schools=3",
    "chorus.demo.pupils=120"
})
@AutoConfigureWebTestClient(timeout = "60s")
class LeaderKeepsWorkingAcrossAStoreRestartTests {

    /** A free port, kept for the store's whole life: it is killed and started again on the same address. */
    private static final int STORE_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final Path WORK = tempDir();
    private static Child store;

    @DynamicPropertySource
    static void storeInItsOwnProcess(DynamicPropertyRegistry registry) throws Exception {
        store = Child.store(WORK, STORE_PORT, Child.SMALL_STORE);
        // with the JVM, not @AfterAll: the cached context's driver would complain about a store gone before it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> store.close(), "store-process"));
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + STORE_PORT + "/chorus");
    }

    @Autowired
    WebTestClient api;

    @Test
    void aStoreKilledAndStartedAgainLosesNoAcknowledgedPostAndTheApiRecoversByItself() throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            acknowledged.add(post("Before the crash " + i).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
        }

        store.kill();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            unavailable(read(acknowledged.get(i)));
            unavailable(post("During the outage " + i));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two requests while the store is down")
                .isLessThan(Duration.ofSeconds(20));
        }

        store = Child.store(WORK, STORE_PORT, Child.SMALL_STORE);
        long restarted = System.nanoTime();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> read(acknowledged.get(0)).expectStatus().isOk());
        System.out.printf("Store restart: the api answered again %.1f s after the store was back%n", (System.nanoTime() - restarted) / 1e9);
        for (String id : acknowledged) {
            read(id).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
        }
        post("After the restart").expectStatus().isCreated();
    }

    private WebTestClient.ResponseSpec post(String title) {
        return api.post().uri("/api/v1/announcements").header(HttpHeaders.AUTHORIZATION, Tokens.bearer("head.oakfield"))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("schoolId", "sch-001", "audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-001"),
                "roles", List.of("CARERS")), "defaultLanguage", "en",
                "translations", Map.of("en", Map.of("title", title, "body", "Written while the store restarts."))))
            .exchange();
    }

    private WebTestClient.ResponseSpec read(String id) {
        return api.get().uri("/api/v1/announcements/{id}", id).header(HttpHeaders.AUTHORIZATION, Tokens.bearer("head.oakfield"))
            .exchange();
    }

    private static void unavailable(WebTestClient.ResponseSpec answer) {
        Unavailable.answered(answer, "store-unavailable");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("chorus-store-restart");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
