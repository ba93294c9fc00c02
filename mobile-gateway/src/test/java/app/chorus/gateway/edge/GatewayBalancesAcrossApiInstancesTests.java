package app.chorus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.gateway.testing.ApiInstanceStandIn;
import app.chorus.gateway.testing.ApiInstanceStandIn.Call;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Statuses;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Two api instances behind one gateway: calls are shared between them, and when one dies, calls keep being answered
 * by the other. What was in flight on the dead one is repeated only when repeating cannot do it twice (ADR 0307).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "chorus.gateway.api-timeout=60s",
    "chorus.gateway.rate-limits.per-user.capacity=10000",
    "chorus.gateway.rate-limits.per-device.capacity=10000",
    "chorus.gateway.rate-limits.per-user-creating.capacity=10000"
})
class GatewayBalancesAcrossApiInstancesTests {

    private static final ApiInstanceStandIn first = new ApiInstanceStandIn("first");
    private static final ApiInstanceStandIn second = new ApiInstanceStandIn("second");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("chorus.gateway.api-urls", () -> first.url() + "," + second.url());
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
    }

    @Test
    void callsAreSharedAndAnInstanceDyingLosesOnlyWritesThatCannotBeRepeated() {
        WebClient app = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo")).build();
        for (int i = 0; i < 10; i++) {
            assertThat(status(app, "/api/v1/me", null)).isEqualTo(200);
        }
        assertThat(first.calls()).as("calls the first instance answered").hasSizeGreaterThanOrEqualTo(4);
        assertThat(second.calls()).as("calls the second instance answered").hasSizeGreaterThanOrEqualTo(4);

        // both instances hold writes in flight, two with and two without an Idempotency-Key each (the balancer takes
        // them in turn), then the second dies
        List<CompletableFuture<Integer>> keyed = new ArrayList<>();
        List<CompletableFuture<Integer>> unkeyed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = i / 2 % 2 == 0 ? UUID.randomUUID().toString() : null;
            (key == null ? unkeyed : keyed).add(CompletableFuture.supplyAsync(() -> status(app, "/api/v1/held?n=" + key, key)));
            int sent = i + 1;
            await().atMost(Duration.ofSeconds(20)).until(() -> held(first) + held(second) == sent);
        }
        List<Call> inFlightOnTheDead = heldCalls(second);
        second.kill();
        first.release();

        assertThat(keyed).as("writes with an Idempotency-Key").allSatisfy(answer -> assertThat(answer.join()).isEqualTo(200));
        long unkeyedLost = inFlightOnTheDead.stream().filter(call -> call.idempotencyKey() == null).count();
        assertThat(unkeyed.stream().filter(answer -> answer.join() != 200).count())
            .as("writes without a key that failed: the ones in flight on the instance that died").isEqualTo(unkeyedLost);
        assertThat(unkeyedLost).as("the second instance held writes without a key when it died").isPositive();
        Map<String, Long> keysAnsweredByFirst = heldCalls(first).stream().filter(call -> call.idempotencyKey() != null)
            .collect(Collectors.groupingBy(Call::idempotencyKey, Collectors.counting()));
        assertThat(inFlightOnTheDead).filteredOn(call -> call.idempotencyKey() != null)
            .as("keyed writes lost in flight were repeated on the live instance, body and key intact")
            .allSatisfy(call -> assertThat(keysAnsweredByFirst).containsKey(call.idempotencyKey()))
            .allSatisfy(call -> assertThat(call.body()).contains("\"n\""));

        int answeredBefore = first.calls().size();
        for (int i = 0; i < 10; i++) {
            String key = i % 2 == 0 ? UUID.randomUUID().toString() : null;
            assertThat(status(app, i % 3 == 0 ? "/api/v1/me" : "/api/v1/announcements", key))
                .as("call %d after the second instance died", i).isEqualTo(200);
        }
        assertThat(first.calls().size() - answeredBefore).as("calls the live instance answered").isEqualTo(10);
    }

    private static int status(WebClient app, String path, String key) {
        Supplier<WebClient.RequestHeadersSpec<?>> request = () -> path.startsWith("/api/v1/me")
            ? app.get().uri(path)
            : app.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":\"" + key + "\"}");
        WebClient.RequestHeadersSpec<?> spec = request.get();
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return Statuses.of(spec, Duration.ofSeconds(30));
    }

    private static List<Call> heldCalls(ApiInstanceStandIn instance) {
        return instance.calls().stream().filter(call -> call.path().startsWith("/api/v1/held")).toList();
    }

    private static long held(ApiInstanceStandIn instance) {
        return heldCalls(instance).size();
    }
}
