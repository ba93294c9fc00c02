package app.chorus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.AbruptApiInstance;
import app.chorus.gateway.testing.ApiInstanceStandIn;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.MovableClock;
import app.chorus.gateway.testing.Statuses;
import app.chorus.testing.Tokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * An api instance dies (killed as SIGKILL kills a process) and keyed writes then run out of the api timeout (2 s here)
 * on the instance still answering, which holds them: all a fresh gateway's breaker has seen. Within twice the api
 * timeout of the death, by the gateway's clock (one the test moves, standing still otherwise), such a timeout may be a
 * call the dead instance held, repeated too late, and the breaker stays closed for the live instance; later, timeouts
 * count as before and open it (ADR 0401). Only the timeouts themselves take real time; each test has a gateway of its
 * own, so a breaker of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "chorus.gateway.api-timeout=2s",
    "chorus.gateway.api-cool-off=60s", "chorus.gateway.api-longest-cool-off=120s",
    "chorus.gateway.rate-limits.per-user.capacity=10000",
    "chorus.gateway.rate-limits.per-device.capacity=10000",
    "chorus.gateway.rate-limits.per-user-creating.capacity=10000"
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class TimeoutsRightAfterAnInstanceDiedLeaveTheBreakerClosedTests {

    private static final Duration API_TIMEOUT = Duration.ofSeconds(2);
    private static final int WRITES = 12;

    private static final ApiInstanceStandIn live = new ApiInstanceStandIn("live");
    private static final AbruptApiInstance dying = new AbruptApiInstance("dying");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory breakers;

    WebClient app;

    @DynamicPropertySource
    static void twoInstances(DynamicPropertyRegistry registry) {
        registry.add("chorus.gateway.api-urls", () -> live.url() + "," + dying.url());
    }

    @AfterAll
    static void stop() {
        live.close();
        dying.close();
    }

    @TestConfiguration
    static class Watched {

        @Bean
        MovableClock gatewayClock() {
            return new MovableClock();
        }
    }

    @BeforeEach
    void theDyingInstanceDies() {
        // a connection per call: a pool would hold the writes past its size back, unsent
        app = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(HttpClient.newConnection()))
            .defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo")).build();
        dying.recover();
        dying.dieOnNextCall();
        int reached = dying.calls().size();
        // reads, repeated on the live instance when lost: a turn each is enough
        for (int read = 0; read < 3 && dying.calls().size() == reached; read++) {
            assertThat(status(app.get().uri("/api/v1/announcements"))).as("read %d", read).isEqualTo(200);
        }
        assertThat(dying.calls()).as("the call the dying instance died on").hasSize(reached + 1);
    }

    @Test
    void timeoutsWithinTwiceTheApiTimeoutOfTheDeathDoNotMakeTheGatewayRefuseTheLiveInstance() {
        // handled later than one api timeout after the death, as a loaded machine may handle a held call's timeout
        clock.moveOn(API_TIMEOUT.plusSeconds(1));
        timedOutWrites();
        assertThat(breaker().getState()).as("the breaker after the timeouts").isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker().getMetrics().getNumberOfFailedCalls()).as("failures the breaker counted").isZero();

        int answered = live.calls().size();
        for (int i = 0; i < 20; i++) {
            WebClient.RequestHeadersSpec<?> call = i % 2 == 0 ? app.get().uri("/api/v1/me")
                : app.post().uri("/api/v1/announcements").contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
            assertThat(status(call)).as("call %d after the timeouts", i).isEqualTo(200);
        }
        assertThat(live.calls().size() - answered).as("calls the live instance answered").isEqualTo(20);
    }

    @Test
    void timeoutsLaterThanThatCountAsBeforeAndOpenTheBreaker() {
        clock.moveOn(API_TIMEOUT.multipliedBy(2).plusSeconds(1));
        timedOutWrites();
        assertThat(breaker().getState()).as("the breaker after the timeouts").isEqualTo(CircuitBreaker.State.OPEN);
    }

    /** Keyed writes at once, each held by the live instance until the gateway gives up on it. */
    private void timedOutWrites() {
        List<Mono<Integer>> writes = IntStream.range(0, WRITES)
            .mapToObj(n -> Statuses.of(app.post().uri("/api/v1/held?n=" + n)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"n\":" + n + "}")))
            .toList();
        List<Integer> statuses = Flux.merge(writes).collectList().block(Duration.ofSeconds(60));
        assertThat(statuses).as("writes that ran out of the api timeout").hasSize(WRITES).containsOnly(503);
    }

    private CircuitBreaker breaker() {
        return breakers.getCircuitBreakerRegistry().find(ApiBreaker.NAME).orElseThrow();
    }

    private static int status(WebClient.RequestHeadersSpec<?> request) {
        return Statuses.of(request, Duration.ofSeconds(20));
    }
}
