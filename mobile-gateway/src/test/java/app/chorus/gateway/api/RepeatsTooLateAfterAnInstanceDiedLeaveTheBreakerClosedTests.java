package app.chorus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.gateway.testing.ApiInstanceStandIn;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
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
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An api instance dies holding keyed writes: they are repeated on the other instance, which is slow to answer, and
 * run out of the api timeout (20 s here) there. Those timeouts, all a fresh gateway's breaker has seen, are the dead
 * instance's doing (it held the calls until it died), and the breaker stays closed for the instance that answers
 * (ADR 0401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "chorus.gateway.api-timeout=20s",
    "chorus.gateway.rate-limits.per-user.capacity=10000",
    "chorus.gateway.rate-limits.per-device.capacity=10000",
    "chorus.gateway.rate-limits.per-user-creating.capacity=10000"
})
class RepeatsTooLateAfterAnInstanceDiedLeaveTheBreakerClosedTests {

    private static final int WRITES = 24;

    private static final ApiInstanceStandIn slow = new ApiInstanceStandIn("slow");
    private static final ApiInstanceStandIn dying = new ApiInstanceStandIn("dying");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("chorus.gateway.api-urls", () -> slow.url() + "," + dying.url());
    }

    @AfterAll
    static void stop() {
        slow.close();
        dying.close();
    }

    @Test
    void theWritesTheDeadInstanceHeldTimingOutElsewhereDoNotMakeTheGatewayRefuseTheOthers() {
        // a connection per call: a pool would hold the writes past its size back, unsent
        WebClient app = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
            .defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo")).build();
        List<CompletableFuture<Integer>> writes = IntStream.range(0, WRITES)
            .mapToObj(n -> answer(app.post().uri("/api/v1/held?n=" + n).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":" + n + "}")).toFuture())
            .toList();
        await().atMost(Duration.ofSeconds(15)).until(() -> held(slow) + held(dying) == WRITES);
        int heldByTheDying = held(dying);

        dying.kill();
        await().atMost(Duration.ofSeconds(15)).until(() -> held(slow) == WRITES);
        assertThat(heldByTheDying).as("keyed writes the dying instance held, all repeated on the slow one")
            .isGreaterThanOrEqualTo(10);
        assertThat(writes).as("writes that ran out of the api timeout")
            .allSatisfy(write -> assertThat(write.join()).isEqualTo(503));
        slow.release();

        int answered = slow.calls().size();
        for (int i = 0; i < 20; i++) {
            WebClient.RequestHeadersSpec<?> call = i % 2 == 0 ? app.get().uri("/api/v1/me")
                : app.post().uri("/api/v1/announcements").contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
            assertThat(answer(call).block(Duration.ofSeconds(90))).as("call %d after the timeouts", i).isEqualTo(200);
        }
        assertThat(slow.calls().size() - answered).as("calls the live instance answered").isEqualTo(20);
    }

    private static int held(ApiInstanceStandIn instance) {
        return instance.calls().stream().filter(call -> call.path().equals("/api/v1/held")).toList().size();
    }

    private static Mono<Integer> answer(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }
}
