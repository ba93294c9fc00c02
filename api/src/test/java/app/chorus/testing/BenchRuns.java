package app.chorus.testing;

import app.chorus.ChorusApplication;
import java.util.Arrays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/** What the in-process api benchmarks share: starting the api on a seeded trust, options, percentiles, the machine's load. */
public final class BenchRuns {

    private BenchRuns() {
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

    public static double percentile(double[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    public static int option(String[] args, String name, int fallback) {
        int at = Arrays.asList(args).indexOf(name);
        return at >= 0 && at + 1 < args.length ? Integer.parseInt(args[at + 1]) : fallback;
    }

    public static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
