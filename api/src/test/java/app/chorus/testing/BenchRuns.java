package app.chorus.testing;

import app.chorus.ChorusApplication;
import app.chorus.testing.bench.Bench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * What the in-process api benchmarks add to {@link Bench}: starting the api on a seeded trust, and driving it with
 * many requests in flight.
 */
public final class BenchRuns {

    private BenchRuns() {
    }

    /** A benchmark run on the started api: answers the JSON figures. */
    public interface OnApi {
        String figures(ConfigurableApplicationContext context, BenchTokens tokens, int apiPort) throws Exception;
    }

    /**
     * Starts the api as {@link #startApi} does (tokens at {@code port}, api at {@code port + 1}) on a temporary store,
     * runs the benchmark on it, stops it and prints the figures as the last stdout line.
     */
    public static void onApi(Bench bench, int port, int schools, int pupils, OnApi run) throws Exception {
        String dataDir = Files.createTempDirectory("chorus-bench-").toString();
        String figures;
        try (BenchTokens tokens = new BenchTokens(port)) {
            bench.progress("starting the api on port " + (port + 1) + "; seeding " + schools + " schools, " + pupils + " pupils ...");
            long t0 = System.nanoTime();
            ConfigurableApplicationContext context = startApi(tokens, port, schools, pupils, dataDir);
            bench.progress("api ready in " + Bench.ms(t0) + " ms");
            try {
                figures = run.figures(context, tokens, port + 1);
            } finally {
                context.close();
                Bench.deleteQuietly(Path.of(dataDir));
            }
        }
        bench.result(figures);
    }

    /**
     * The whole api on the embedded store at {@code port + 1} (store at {@code port + 2}), a trust of {@code schools}
     * schools and {@code pupils} pupils seeded through the real importer, tokens verified against {@code tokens}' key.
     */
    public static ConfigurableApplicationContext startApi(BenchTokens tokens, int port, int schools, int pupils, String dataDir) {
        return new SpringApplicationBuilder(ChorusApplication.class).run(
            "--server.port=" + (port + 1), "--chorus.store.port=" + (port + 2), "--chorus.store.data-dir=" + dataDir,
            "--chorus.demo.seed-on-first-start=true", "--chorus.demo.schools=" + schools, "--chorus.demo.pupils=" + pupils,
            "--chorus.identity.issuer-uri=" + tokens.issuer(), "--chorus.identity.jwk-set-uri=" + tokens.jwkSetUri(),
            "--chorus.identity.verified-tokens=100000", "--chorus.decisions.sweep-every=1h",
            "--chorus.surveys.background-every=1h", "--logging.level.root=WARN", "--spring.main.banner-mode=off");
    }

    /**
     * The benchmark's HTTP clients on event loops of their own: by default Reactor Netty's client and server in one JVM
     * share one set of loops, so the clients' work would be counted as the api's latency.
     */
    public static WebClient client(int apiPort, int connections) {
        HttpClient http = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(connections).build())
            .runOn(LoopResources.create("bench-client", 2, true));
        return WebClient.builder().baseUrl("http://127.0.0.1:" + apiPort)
            .clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /**
     * {@code n} requests, {@code concurrency} in flight, progress every {@code n / reports}; answers the sum of what
     * they answered (for instance 1 for each already given).
     */
    public static long load(Bench bench, String what, int n, int concurrency, int reports, LongFunction<Mono<Integer>> request) {
        AtomicLong done = new AtomicLong();
        long t0 = System.nanoTime();
        Long sum = Flux.range(0, Math.max(0, n)).flatMap(i -> request.apply(i), concurrency)
            .doOnNext(answer -> {
                long k = done.incrementAndGet();
                if (k % Math.max(1, n / reports) == 0) {
                    bench.progress("%d %s (%.0f/s)", k, what, k / ((System.nanoTime() - t0) / 1e9));
                }
            })
            .map(Integer::longValue).reduce(0L, Long::sum).block();
        return sum == null ? 0 : sum;
    }
}
