package app.chorus.announcements.internal;

import app.chorus.testing.bench.Bench;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The in-process load generator: a Reactor Netty client with its own event loop ({@code bench-client-*} threads,
 * so it neither shares the server's loops nor hides in its CPU figures) keeping {@code concurrency} requests in
 * flight.
 */
final class JvmLoad implements AutoCloseable {

    static final String THREADS = "bench-client";
    private final ConnectionProvider pool;
    private final LoopResources loops;
    private final WebClient client;
    private final int concurrency;
    private final CpuMeter cpu = new CpuMeter(THREADS);

    JvmLoad(int port, String authorization, int concurrency) {
        this.concurrency = concurrency;
        this.pool = ConnectionProvider.builder("bench").maxConnections(concurrency).pendingAcquireMaxCount(-1).build();
        this.loops = LoopResources.create(THREADS, 1, true);
        this.client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).runOn(loops).option(ChannelOption.TCP_NODELAY, true)))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
            .defaultHeader("Authorization", authorization).build();
    }

    String get(String path) {
        return client.get().uri(path).retrieve().bodyToMono(String.class).block();
    }

    LoadResult run(String path, int seconds) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        CpuMeter.Sample before = cpu.sample();
        long t0 = System.nanoTime();
        Flux.range(0, concurrency)
            .flatMap(worker -> Mono.defer(() -> {
                    long started = System.nanoTime();
                    return client.get().uri(path).retrieve().bodyToMono(byte[].class)
                        .doOnNext(body -> latencies.add(System.nanoTime() - started))
                        .onErrorResume(failure -> {
                            errors.incrementAndGet();
                            return Mono.empty();
                        });
                })
                .repeat(() -> System.nanoTime() < deadline), concurrency)
            .blockLast();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        CpuMeter.Sample after = cpu.sample();
        double[] sorted = latencies.stream().mapToDouble(nanos -> nanos / 1e6).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no successful request to " + path + " (" + errors.get() + " errors): is Keycloak up?");
        }
        long clientNanos = after.clientNanos() - before.clientNanos();
        long apiNanos = after.processNanos() - before.processNanos() - clientNanos;
        return new LoadResult(Bench.percentile(sorted, 50), Bench.percentile(sorted, 99),
            sorted.length / elapsed, errors.get(), sorted.length, apiNanos / 1e6 / sorted.length, clientNanos / 1e6 / sorted.length);
    }

    @Override
    public void close() {
        pool.dispose();
        loops.dispose();
    }
}
