package app.chorus.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.edge.ProblemResponses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole year group voting at once: the api works on a few ballots at a time and the rest wait their turn, so a
 * results read is not queued behind all of them (ADR 0406).
 */
class VotersInARushWaitTheirTurnTests {

    private static final String BALLOT = "/api/v1/decisions/d-1/ballots";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    /** The api behind the filter: every request it is handed stays in progress until {@link #finishOne()}. */
    private final List<Sinks.Empty<Void>> inProgress = new ArrayList<>();
    private final AtomicInteger handed = new AtomicInteger();
    private final WebFilterChain api = exchange -> {
        handed.incrementAndGet();
        Sinks.Empty<Void> done = Sinks.empty();
        synchronized (inProgress) {
            inProgress.add(done);
        }
        return done.asMono();
    };

    @Test
    void aBallotBeyondThoseWorkedOnWaitsUntilOneIsDoneAndAReadDoesNotWait() {
        RushWrites rush = rush(2, 100);
        Mono<Void> first = rush.filter(post(BALLOT), api).cache();
        Mono<Void> second = rush.filter(post(BALLOT), api).cache();
        Mono<Void> third = rush.filter(post(BALLOT), api).cache();
        first.subscribe();
        second.subscribe();
        third.subscribe();
        assertThat(handed).as("ballots worked on at once").hasValue(2);

        rush.filter(exchange(HttpMethod.GET, "/api/v1/decisions/d-1/results"), api).subscribe();
        assertThat(handed).as("the results read is handed on at once").hasValue(3);

        finishOne(0);
        StepVerifier.create(first).expectComplete().verify(PATIENCE);
        assertThat(handed).as("the waiting ballot's turn came").hasValue(4);
        finishOne(1);
        finishOne(3);
        StepVerifier.create(Mono.when(second, third)).expectComplete().verify(PATIENCE);
    }

    @Test
    void aBallotBeyondThoseThatMayWaitIsToldToSendItAgainInASecond() {
        RushWrites rush = rush(1, 1);
        rush.filter(post(BALLOT), api).subscribe();
        rush.filter(post(BALLOT), api).subscribe();
        MockServerWebExchange refused = post(BALLOT);

        StepVerifier.create(rush.filter(refused, api)).expectComplete().verify(PATIENCE);

        assertThat(handed).hasValue(1);
        assertThat(refused.getResponse().getStatusCode().value()).isEqualTo(503);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
        StepVerifier.create(refused.getResponse().getBodyAsString())
            .assertNext(body -> assertThat(body).contains("urn:chorus:problem:busy").contains("Idempotency-Key"))
            .expectComplete().verify(PATIENCE);
    }

    @Test
    void writesOutsideTheRushAreNeverHeldBack() {
        RushWrites rush = rush(1, 1);
        rush.filter(post(BALLOT), api).subscribe();
        rush.filter(exchange(HttpMethod.POST, "/api/v1/decisions/d-1/close"), api).subscribe();
        rush.filter(exchange(HttpMethod.GET, BALLOT), api).subscribe();
        assertThat(handed).hasValue(3);
    }

    private void finishOne(int index) {
        synchronized (inProgress) {
            inProgress.get(index).tryEmitEmpty();
        }
    }

    private static RushWrites rush(int concurrency, int maxWaiting) {
        RushProperties properties = new RushProperties(concurrency, maxWaiting, List.of("POST /api/v1/decisions/{decisionId}/ballots"));
        return new RushWrites(properties, new ProblemResponses(JsonMapper.builder().build()));
    }

    private static MockServerWebExchange post(String path) {
        return exchange(HttpMethod.POST, path);
    }

    private static MockServerWebExchange exchange(HttpMethod method, String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, path));
    }

}
