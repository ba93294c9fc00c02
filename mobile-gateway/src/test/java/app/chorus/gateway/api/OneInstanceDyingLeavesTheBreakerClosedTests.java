package app.chorus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.gateway.testing.ApiInstanceStandIn;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Statuses;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * A gateway that has served nothing yet (its breaker's window empty) sends writes without an Idempotency-Key to two
 * api instances; one dies holding half of them. Those are lost (503: they cannot be repeated), and they are all the
 * breaker has seen so far, yet the breaker stays closed: the instance still answering gets every call after (ADR 0401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "chorus.gateway.api-timeout=60s",
    "chorus.gateway.rate-limits.per-user.capacity=10000",
    "chorus.gateway.rate-limits.per-device.capacity=10000",
    "chorus.gateway.rate-limits.per-user-creating.capacity=10000"
})
class OneInstanceDyingLeavesTheBreakerClosedTests {

    private static final int WRITES = 24;

    private static final ApiInstanceStandIn survivor = new ApiInstanceStandIn("survivor");
    private static final ApiInstanceStandIn dying = new ApiInstanceStandIn("dying");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("chorus.gateway.api-urls", () -> survivor.url() + "," + dying.url());
    }

    @AfterAll
    static void stop() {
        survivor.close();
        dying.close();
    }

    @Test
    void theWritesLostWithTheDeadInstanceDoNotMakeTheGatewayRefuseTheOthers() {
        // a connection per call: a pool would hold the writes past its size back, unsent
        WebClient app = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
            .defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo")).build();
        List<CompletableFuture<Integer>> writes = new ArrayList<>();
        for (int i = 0; i < WRITES; i++) {
            int n = i;
            writes.add(Statuses.of(app.post().uri("/api/v1/held?n=" + n)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":" + n + "}")).toFuture());
            int sent = i + 1;
            await().atMost(Duration.ofSeconds(30)).until(() -> held(survivor) + held(dying) == sent);
        }
        int lost = held(dying);
        assertThat(lost).as("writes the dying instance holds: more than the breaker's minimum of 10 calls")
            .isGreaterThanOrEqualTo(10);

        dying.kill();
        await().atMost(Duration.ofSeconds(60)).until(() -> writes.stream().filter(CompletableFuture::isDone).count() == (long) lost);
        assertThat(writes).filteredOn(CompletableFuture::isDone).as("the writes lost with the dying instance")
            .allSatisfy(write -> assertThat(write.join()).isEqualTo(503));
        survivor.release();
        assertThat(writes).filteredOn(write -> write.join() == 200).as("the writes the survivor held").hasSize(WRITES - lost);

        int answered = survivor.calls().size();
        for (int i = 0; i < 20; i++) {
            WebClient.RequestHeadersSpec<?> call = i % 2 == 0 ? app.get().uri("/api/v1/me")
                : app.post().uri("/api/v1/announcements").contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
            assertThat(status(call)).as("call %d after the instance died", i).isEqualTo(200);
        }
        assertThat(survivor.calls().size() - answered).as("calls the survivor answered").isEqualTo(20);
    }

    private static int held(ApiInstanceStandIn instance) {
        return instance.calls().stream().filter(call -> call.path().equals("/api/v1/held")).toList().size();
    }

    private static int status(WebClient.RequestHeadersSpec<?> request) {
        return Statuses.of(request, Duration.ofSeconds(90));
    }
}
