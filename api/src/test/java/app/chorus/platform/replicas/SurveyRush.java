package app.chorus.platform.replicas;

import app.chorus.surveys.internal.ReplicaSurveys;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Carers answering one survey through the gateways, {@code concurrency} at a time, alternating between the two
 * gateways. Every other carer's app sends an {@code Idempotency-Key} (the gateway may repeat those on another api
 * instance); the others do not, so a write lost in flight on a killed instance fails at the gateway. A failed answer
 * is sent again by the client (with its key, if it had one) until it is recorded; a repeat without a key that finds
 * the first one recorded gets 409. Failures are counted before the client's retry, with when they started and ended.
 */
final class SurveyRush {

    /** What happened: answers recorded, attempts that failed (each with its unit and whether it spanned the kill). */
    record Outcome(long recorded, long failedRequests, List<Failure> failures, long recordedByTheKilled,
                   long notRecorded, double seconds) {

        /**
         * The failed attempts that cannot have been a write lost in flight on the killed instance: keyed (a gateway
         * repeats those), started once the instance was gone, or ended before the SIGKILL.
         */
        long failedOutsideTheKill() {
            return failures.stream().filter(failure -> failure.keyed() || !failure.spansTheKill()).count();
        }

        /** Failed attempts that started after the SIGKILL was sent (a gateway may still send to the dying instance). */
        long failedAfterTheKill() {
            return failures.stream().filter(Failure::startedAfterTheKill).count();
        }

        /** Failed attempts that started once the killed process was gone (its sockets closed, nothing more sent to it). */
        long failedAfterItWasGone() {
            return failures.stream().filter(Failure::startedAfterItWasGone).count();
        }

        /** Failed attempts that carried an {@code Idempotency-Key} (a gateway may repeat those: none should fail). */
        long failedKeyed() {
            return failures.stream().filter(Failure::keyed).count();
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "recorded %d, failed at a gateway %d, 409 after a lost answer %d,"
                + " not recorded %d, %.1f s", recorded, failedRequests, recordedByTheKilled, notRecorded, seconds);
        }
    }

    /**
     * An attempt that failed at a gateway (5xx or no answer), before the client's retry. The kill spans from the
     * SIGKILL to the moment the process is gone: the kernel closes a killed JVM's sockets only after tearing down its
     * memory, and what a gateway sends it meanwhile is accepted, then reset, in flight on the killed instance.
     */
    record Failure(boolean keyed, boolean startedAfterTheKill, boolean startedAfterItWasGone, boolean endedBeforeTheKill) {

        boolean spansTheKill() {
            return !startedAfterItWasGone && !endedBeforeTheKill;
        }
    }

    private final List<WebClient> gateways;
    private final BenchIssuer issuer;
    private final AtomicLong failed = new AtomicLong();
    private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong recorded = new AtomicLong();
    private volatile long killedAtNanos = Long.MAX_VALUE;
    private volatile long goneAtNanos = Long.MAX_VALUE;

    SurveyRush(List<String> gatewayUrls, BenchIssuer issuer, int concurrency) {
        ConnectionProvider pool = ConnectionProvider.builder("survey-rush").maxConnections(concurrency).build();
        HttpClient http = HttpClient.create(pool).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000)
            .responseTimeout(Duration.ofSeconds(60));
        this.gateways = gatewayUrls.stream().map(url -> WebClient.builder().baseUrl(url)
            .clientConnector(new ReactorClientHttpConnector(http)).build()).toList();
        this.issuer = issuer;
    }

    /** Marks the moment the SIGKILL is sent to an api instance (failures are judged against it). */
    void killed() {
        killedAtNanos = System.nanoTime();
    }

    /** Marks the moment the killed process is gone (reaped: its sockets are closed). */
    void gone() {
        goneAtNanos = System.nanoTime();
    }

    Outcome run(String surveyId, List<String[]> units, int concurrency, LongConsumer progress) {
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        Flux.range(0, units.size())
            .flatMap(i -> answer(surveyId, units.get(i), i).doOnSuccess(ignored -> progress.accept(done.incrementAndGet())),
                concurrency)
            .blockLast();
        return new Outcome(recorded.get(), failed.get(), List.copyOf(failures), conflicts.get(),
            units.size() - recorded.get(), (System.nanoTime() - t0) / 1e9);
    }

    private Mono<Boolean> answer(String surveyId, String[] unit, int i) {
        String key = i % 2 == 0 ? UUID.randomUUID().toString() : null;
        Map<String, Object> body = Map.of("answers", ReplicaSurveys.randomAnswers());
        WebClient gateway = gateways.get(i % gateways.size());
        return attempt(gateway, surveyId, unit, key, body, 0);
    }

    private Mono<Boolean> attempt(WebClient gateway, String surveyId, String[] unit, String key, Map<String, Object> body,
                                  int retry) {
        long started = System.nanoTime();
        WebClient.RequestBodySpec request = gateway.post().uri("/api/v1/surveys/{survey}/responses/{unit}", surveyId, unit[1])
            .header("Authorization", issuer.carer(unit[0])).contentType(MediaType.APPLICATION_JSON);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body)
            .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(text -> new Answer(response.statusCode().value(), text)))
            .onErrorResume(e -> Mono.just(new Answer(-1, e.toString())))
            .flatMap(answer -> {
                if (answer.status() == 200 || answer.status() == 201) {
                    recorded.incrementAndGet();
                    return Mono.just(true);
                }
                if (answer.status() == 409 && !answer.text().contains("in-progress") && retry > 0) {
                    // the lost first attempt was recorded by the instance that was killed: once, as it should be
                    conflicts.incrementAndGet();
                    recorded.incrementAndGet();
                    return Mono.just(true);
                }
                if (answer.status() >= 500 || answer.status() < 0) {
                    failed.incrementAndGet();
                    failures.add(new Failure(key != null, started > killedAtNanos, started > goneAtNanos,
                        System.nanoTime() < killedAtNanos));
                } else if (answer.status() != 409) {
                    return Mono.error(new IllegalStateException("answer refused " + answer.status() + ": " + answer.text()));
                }
                if (retry >= 20) {
                    return Mono.just(false);
                }
                return Mono.delay(Duration.ofMillis(500)).then(attempt(gateway, surveyId, unit, key, body, retry + 1));
            });
    }

    private record Answer(int status, String text) {
    }
}
