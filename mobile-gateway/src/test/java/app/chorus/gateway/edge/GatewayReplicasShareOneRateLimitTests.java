package app.chorus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.edge.ProblemResponses;
import app.chorus.gateway.GatewayProperties;
import app.chorus.gateway.GatewayProperties.Limit;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device whose requests the load balancer spreads over two gateway replicas gets the limit once, not once per
 * replica, when the buckets live in the shared store; without a store each replica counts its own share.
 */
class GatewayReplicasShareOneRateLimitTests {

    private static final int PER_DEVICE = 3;

    private MongoServer store;
    private String uri;
    private final List<BucketStore> opened = new ArrayList<>();
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void startTheSharedStore() {
        store = new MongoServer(new MemoryBackend());
        uri = "mongodb://127.0.0.1:" + store.bind().getPort() + "/chorus";
    }

    @AfterEach
    void stop() {
        opened.forEach(BucketStore::destroy);
        store.shutdown();
    }

    @Test
    void aDeviceAlternatingBetweenTwoReplicasIsLimitedOnce() {
        List<RateLimits> replicas = List.of(gateway(uri, PER_DEVICE), gateway(uri, PER_DEVICE));

        List<HttpStatus> answers = IntStream.range(0, 6).mapToObj(i -> send(replicas.get(i % 2), "phone-1")).toList();

        assertThat(answers).containsExactly(HttpStatus.OK, HttpStatus.OK, HttpStatus.OK,
            HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(send(replicas.get(0), "phone-2")).as("another device").isEqualTo(HttpStatus.OK);
    }

    @Test
    void aBurstRacingThroughBothReplicasAtOnceIsServedExactlyTheLimit() {
        List<RateLimits> replicas = List.of(gateway(uri, 10), gateway(uri, 10));

        List<HttpStatus> answers = Flux.range(0, 40)
            .flatMap(i -> exchange(replicas.get(i % 2), "tablet-1").subscribeOn(Schedulers.parallel()), 16)
            .collectList().block();

        assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(10);
        assertThat(served).hasValue(10);
    }

    @Test
    void withoutAStoreEachReplicaCountsItsOwnShare() {
        List<RateLimits> replicas = List.of(gateway(null, PER_DEVICE), gateway(null, PER_DEVICE));

        List<HttpStatus> answers = IntStream.range(0, 8).mapToObj(i -> send(replicas.get(i % 2), "phone-1")).toList();

        assertThat(answers).filteredOn(HttpStatus.OK::equals).hasSize(2 * PER_DEVICE);
        assertThat(answers.subList(6, 8)).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aGatewayWhoseStoreIsDownKeepsServing() {
        RateLimits gateway = gateway(uri, PER_DEVICE, Duration.ofMillis(500));
        assertThat(send(gateway, "phone-1")).isEqualTo(HttpStatus.OK);
        store.shutdownNow();

        assertThat(send(gateway, "phone-1")).as("let through: the store did not answer within its timeout").isEqualTo(HttpStatus.OK);
    }

    private HttpStatus send(RateLimits gateway, String device) {
        return exchange(gateway, device).block(Duration.ofSeconds(10));
    }

    private Mono<HttpStatus> exchange(RateLimits gateway, String device) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
            MockServerHttpRequest.get("/api/v1/ping").header(RateLimits.DEVICE, device));
        return gateway.filter(exchange, passed -> {
            served.incrementAndGet();
            passed.getResponse().setStatusCode(HttpStatus.OK);
            return Mono.empty();
        }).then(Mono.fromSupplier(() -> HttpStatus.valueOf(exchange.getResponse().getStatusCode().value())));
    }

    /** Time enough for a loaded machine's store: only the store-down test is about the timeout. */
    private RateLimits gateway(String storeUri, int perDevice) {
        return gateway(storeUri, perDevice, Duration.ofSeconds(10));
    }

    private RateLimits gateway(String storeUri, int perDevice, Duration storeTimeout) {
        Limit plenty = new Limit(1_000, Duration.ofMinutes(1));
        GatewayProperties properties = new GatewayProperties("http://127.0.0.1:1/realms/chorus", "chorus-api", Duration.ofSeconds(30),
            "http://127.0.0.1:1", null, Duration.ofSeconds(5), Duration.ofSeconds(1), DataSize.ofKilobytes(256), DataSize.ofMegabytes(10),
            new GatewayProperties.RateLimits(plenty, new Limit(perDevice, Duration.ofMinutes(1)), plenty, plenty, List.of(),
                storeUri, storeTimeout),
            Map.of(), 30, 20, Duration.ofSeconds(3), Duration.ofSeconds(30));
        BucketStore buckets = new BucketStore(properties);
        opened.add(buckets);
        return new RateLimits(properties, new ProblemResponses(JsonMapper.builder().build()), buckets);
    }
}
