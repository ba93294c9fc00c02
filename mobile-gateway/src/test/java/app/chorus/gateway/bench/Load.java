package app.chorus.gateway.bench;

import app.chorus.testing.bench.Bench;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Simulated carers sending GETs to one path, each with its own device id: either closed loops (next request as soon
 * as the last answered) or pollers (one request every period on a fixed schedule, latency counted from the
 * scheduled time, so a slow answer that delays the next poll is not hidden: no coordinated omission).
 */
final class Load {

    private static final AtomicLong sampled = new AtomicLong();

    private final HttpClient http;
    private final String token;
    private final AtomicLong errors = new AtomicLong();
    private volatile double idleCpuNanosPerSecond;

    Load(HttpClient http, String token) {
        this(http, token, 0);
    }

    Load(HttpClient http, String token, double idleCpuMillisPerSecond) {
        this.http = http;
        this.token = token;
        this.idleCpuNanosPerSecond = idleCpuMillisPerSecond * 1e6;
    }

    /**
     * Waits (at most {@code maxSeconds}) until the JVM uses less than {@code cpuMillisPerSecond} for two seconds in a
     * row: the pushes of the announcements just published go out in the background and must not be measured as
     * the cost of home. Returns the seconds waited.
     */
    int waitUntilQuiet(double cpuMillisPerSecond, int maxSeconds) throws InterruptedException {
        int quiet = 0;
        int waited = 0;
        while (quiet < 2 && waited < maxSeconds) {
            long cpuBefore = Bench.processCpuNanos();
            Thread.sleep(1000);
            waited++;
            quiet = (Bench.processCpuNanos() - cpuBefore) / 1e6 < cpuMillisPerSecond ? quiet + 1 : 0;
        }
        return waited;
    }

    /** The JVM's CPU use with no load (store and fan-out pollers), left out of the per-request CPU figures. */
    void measureIdle(int seconds) throws InterruptedException {
        long cpuBefore = Bench.processCpuNanos();
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        idleCpuNanosPerSecond = (Bench.processCpuNanos() - cpuBefore) / ((System.nanoTime() - started) / 1e9);
    }

    double idleCpuMillisPerSecond() {
        return idleCpuNanosPerSecond / 1e6;
    }

    Result closed(String path, int carers, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        return measure(carers, carer -> closedLoop(path, "bench-device-" + carer, deadline));
    }

    Result polling(String path, int carers, int seconds, int periodMillis) {
        long period = Duration.ofMillis(periodMillis).toNanos();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        return measure(carers, carer -> poller(path, "bench-device-" + carer,
            start + period * carer / carers, period, deadline));
    }

    private interface Carer {
        Mono<long[]> run(int carer);
    }

    private Result measure(int carers, Carer carer) {
        errors.set(0);
        long cpuBefore = Bench.processCpuNanos();
        long started = System.nanoTime();
        List<long[]> perCarer = Flux.range(0, carers).flatMap(carer::run, carers).collectList().block();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long cpu = Math.max(0, Bench.processCpuNanos() - cpuBefore - (long) (idleCpuNanosPerSecond * elapsed));
        long[] all = perCarer.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, elapsed, errors.get(), cpu);
    }

    private Mono<long[]> closedLoop(String path, String device, long deadline) {
        List<Long> latencies = new ArrayList<>();
        return Mono.defer(() -> {
                long start = System.nanoTime();
                return get(path, device).doOnNext(ok -> latencies.add(System.nanoTime() - start));
            })
            .repeat(() -> System.nanoTime() < deadline)
            .then(Mono.fromSupplier(() -> toArray(latencies)));
    }

    private Mono<long[]> poller(String path, String device, long first, long period, long deadline) {
        List<Long> latencies = new ArrayList<>();
        long[] next = {first};
        return Mono.defer(() -> {
                long scheduled = next[0];
                next[0] += period;
                Duration wait = Duration.ofNanos(Math.max(0, scheduled - System.nanoTime()));
                return Mono.delay(wait).then(get(path, device))
                    .doOnNext(ok -> latencies.add(System.nanoTime() - scheduled));
            })
            .repeat(() -> next[0] < deadline)
            .then(Mono.fromSupplier(() -> toArray(latencies)));
    }

    /** Emits once for a 200; counts (and samples) anything else as an error and completes empty. */
    private Mono<Boolean> get(String path, String device) {
        return http.headers(headers -> headers.set("Authorization", token).set("X-Device-Id", device))
            .get().uri(path)
            .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                .map(text -> {
                    if (response.status().code() != 200) {
                        sample(response.status().code() + " " + text);
                    }
                    return response.status().code() == 200;
                }))
            .onErrorResume(failure -> {
                sample(failure.toString());
                return Mono.just(false);
            })
            .doOnNext(ok -> {
                if (!ok) {
                    errors.incrementAndGet();
                }
            })
            .filter(ok -> ok);
    }

    private static long[] toArray(List<Long> latencies) {
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    /** The first few failures, so that a run with errors says what they were. */
    private static void sample(String failure) {
        if (sampled.incrementAndGet() <= 5) {
            MobileHomeBenchmark.progress("failed request: " + (failure.length() > 300 ? failure.substring(0, 300) : failure));
        }
    }

    record Result(long[] latencies, double seconds, long errors, long cpuNanos) {

        double percentile(int p) {
            return latencies.length == 0 ? Double.NaN
                : Bench.percentile(Arrays.stream(latencies).mapToDouble(nanos -> nanos / 1e6).toArray(), p);
        }

        double rps() {
            return latencies.length / seconds;
        }

        /** JVM CPU time (api, store, gateway and load generator; idle use left out) per answered request. */
        double cpuMillisPerRequest() {
            return latencies.length == 0 ? Double.NaN : cpuNanos / 1e6 / latencies.length;
        }

        String summary() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %.0f req/s, %d errors, %.2f CPU-ms/request",
                percentile(50), percentile(99), rps(), errors, cpuMillisPerRequest());
        }
    }
}
