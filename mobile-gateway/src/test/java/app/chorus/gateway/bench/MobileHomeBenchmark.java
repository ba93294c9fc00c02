package app.chorus.gateway.bench;

import app.chorus.gateway.MobileGatewayApplication;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.RunningApi;
import app.chorus.gateway.testing.Staff;
import app.chorus.testing.Tokens;
import app.chorus.testing.bench.Bench;
import app.chorus.testing.bench.Bench.Round;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@code ./chorus bench mobile-home}: the api (embedded store, a seeded 100-school trust) and the gateway start in
 * this JVM. N carers, each with its own device id, then drive in turn: the gateway's no-op {@code /mobile/v1/ping}
 * (closed loops: next request when the last answered); {@code /mobile/v1/home} polled every {@code --poll-ms} on a
 * fixed schedule; each api call home makes, directly against the api ({@code --api-seconds}, 0 skips); home in
 * closed loops, last because it saturates the api (ADR 0085). Progress on stderr, one JSON line on stdout.
 */
public final class MobileHomeBenchmark {

    static final Bench BENCH = new Bench("mobile-home");

    private MobileHomeBenchmark() {
    }

    /** The api calls home makes, timed directly against the api (no gateway). */
    private static final List<String> API_CALLS = List.of("/api/v1/me", "/api/v1/feed?limit=30", "/api/v1/surveys/waiting");

    public static void main(String[] args) throws InterruptedException {
        Options options = Options.parse(args);
        progress("starting the api with a " + options.schools + "-school trust (" + options.pupils + " pupils) ...");
        String apiUrl = RunningApi.url(options.schools, options.pupils);
        progress("publishing announcements for carer.demo's schools ...");
        publish(apiUrl, options.announcements);
        progress("starting the gateway ...");
        ConfigurableApplicationContext gateway = gateway(apiUrl);
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        String token = Tokens.bearer("carer.demo");
        ConnectionProvider connections = ConnectionProvider.builder("bench").maxConnections(options.carers * 2)
            .pendingAcquireMaxCount(-1).build();
        Load load = new Load(client(connections, "http://127.0.0.1:" + port), token);

        progress("waiting for the announcements' pushes to go out (the JVM quiet) ...");
        progress("quiet after " + load.waitUntilQuiet(150, 120) + " s");
        // before any load: afterwards an overloaded api may still be working off abandoned requests
        load.measureIdle(3);
        progress(String.format(Locale.ROOT, "idle JVM: %.1f CPU-ms/s (left out of the per-request CPU figures)",
            load.idleCpuMillisPerSecond()));
        int warmedUp = warmUp(load, options);
        // the no-op first, then the phases that load the api more and more
        progress("polling /mobile/v1/ping (gateway no-op): " + options.carers + " closed-loop carers for " + options.seconds + " s ...");
        Load.Result noop = load.closed("/mobile/v1/ping", options.carers, options.seconds);
        progress("no-op: " + noop.summary());
        Load.Result polled = null;
        if (options.pollMs > 0) {
            progress("polling /mobile/v1/home: " + options.carers + " carers, each every " + options.pollMs + " ms, for "
                + options.seconds + " s ...");
            polled = load.polling("/mobile/v1/home", options.carers, options.seconds, options.pollMs);
            progress("home, polling: " + polled.summary());
        }
        Map<String, Load.Result> apiCalls = new LinkedHashMap<>();
        if (options.apiSeconds > 0) {
            Load api = new Load(client(connections, apiUrl), token, load.idleCpuMillisPerSecond());
            for (String call : API_CALLS) {
                progress("api call " + call + " directly: " + options.carers + " carers for " + options.apiSeconds + " s ...");
                apiCalls.put(call, api.closed(call, options.carers, options.apiSeconds));
                progress(call + ": " + apiCalls.get(call).summary());
            }
        }
        // closed loops last: they saturate the api, and what they leave behind must not reach the other phases
        progress("polling /mobile/v1/home: " + options.carers + " closed-loop carers for " + options.seconds + " s ...");
        Load.Result home = load.closed("/mobile/v1/home", options.carers, options.seconds);
        progress("home: " + home.summary());
        String figures = json(options, warmedUp, home, noop, polled, apiCalls, load.idleCpuMillisPerSecond());
        finish(gateway, BENCH, figures);
    }

    /** Stops the gateway, then prints the result as the last line and ends the JVM (the api with it). */
    static void finish(ConfigurableApplicationContext gateway, Bench bench, String json) {
        gateway.close();
        // shutting the api down may still log a warning: the JSON must stay the last line
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.ERROR);
        bench.result(json);
        System.exit(0);
    }

    /**
     * Rounds of 3 s of the no-op and 10 s of home polled, until the JIT compiled for less than a tenth of a round
     * (at least 3 rounds, at most {@code --warmup} seconds). On 2 cores the JIT takes a minute or more of this load
     * to compile the request path, and while it does, a home costs twice the CPU; CPU per home itself is no
     * test, since it stays flat while the compiler works at a steady pace. Polling, not closed loops: a warm-up
     * that overloads the api would open the breaker for the phases after it.
     */
    private static int warmUp(Load load, Options options) {
        progress("warming up until the JIT has settled (at most " + options.warmup + " s) ...");
        int rounds = BENCH.warmUp(options.warmup / 13, round -> {
            load.closed("/mobile/v1/ping", options.carers, 3);
            Load.Result home = load.polling("/mobile/v1/home", options.carers, 10, Math.max(options.pollMs, 1000));
            progress("  home " + home.summary());
            return new Round(13);
        });
        return rounds * 13;
    }

    private static HttpClient client(ConnectionProvider connections, String baseUrl) {
        return HttpClient.create(connections).baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(10));
    }

    private static void publish(String apiUrl, int count) {
        Staff staff = new Staff(apiUrl);
        for (int i = 0; i < count; i++) {
            switch (i % 3) {
                case 0 -> staff.publish("head.oakfield", Staff.post("sch-001", List.of("sch-001"), "Oakfield notice " + i, i % 6 == 0));
                case 1 -> staff.publish("head.riverside", Staff.post("sch-002", List.of("sch-002"), "Riverside notice " + i, false));
                default -> staff.publish("leader.trust", Staff.post(null, List.of("sch-001", "sch-002"), "Trust notice " + i, false));
            }
        }
    }

    static ConfigurableApplicationContext gateway(String apiUrl) {
        // as command-line arguments, so that they win over the gateway's application.yml
        return new SpringApplicationBuilder(MobileGatewayApplication.class)
            .web(WebApplicationType.REACTIVE)
            .run(Stream.of(
                "server.port=0",
                "chorus.gateway.api-url=" + apiUrl,
                GatewayTest.ISSUER.replace("${chorus.keycloak.url:http://127.0.0.1:8180}", Tokens.keycloakUrl()),
                // one Keycloak carer stands for all the carers: lift the per-user limit, keep per-device buckets
                "chorus.gateway.rate-limits.per-user.capacity=100000000",
                "chorus.gateway.rate-limits.per-device.capacity=100000",
                "chorus.gateway.rate-limits.per-user-creating.capacity=100000",
                "chorus.gateway.rate-limits.per-user-expensive.capacity=100000",
                "logging.level.app.chorus.gateway.access=WARN",
                GatewayTest.NO_STORE).map(setting -> "--" + setting).toArray(String[]::new));
    }

    private static String json(Options options, int warmedUp, Load.Result home, Load.Result noop, Load.Result polled,
                               Map<String, Load.Result> apiCalls, double idleCpu) {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"bench\": \"mobile-home\", \"carers\": %d, "
                + "\"seconds\": %d, \"warmup_s\": %d, \"schools\": %d, \"pupils\": %d, \"announcements\": %d, \"p50_ms\": %.2f, \"p99_ms\": %.2f, "
                + "\"rps\": %.1f, \"requests\": %d, \"errors\": %d, \"cpu_ms_per_home\": %.2f, \"noop_p50_ms\": %.2f, "
                + "\"noop_p99_ms\": %.2f, \"noop_rps\": %.1f, \"cpu_ms_per_noop\": %.2f, \"rps_vs_noop\": %.3f, "
                + "\"idle_cpu_ms_per_s\": %.1f, \"target_p99_ms\": 80, \"p99_within_target\": %s",
            options.carers, options.seconds, warmedUp, options.schools, options.pupils, options.announcements,
            home.percentile(50), home.percentile(99), home.rps(), home.latencies().length, home.errors(),
            home.cpuMillisPerRequest(), noop.percentile(50), noop.percentile(99), noop.rps(), noop.cpuMillisPerRequest(),
            home.rps() / Math.max(noop.rps(), 1e-9), idleCpu, home.errors() == 0 && home.percentile(99) < 80));
        if (polled != null) {
            json.append(String.format(Locale.ROOT, ", \"poll_ms\": %d, \"poll_offered_rps\": %.1f, \"poll_p50_ms\": %.2f, "
                    + "\"poll_p99_ms\": %.2f, \"poll_rps\": %.1f, \"poll_errors\": %d, \"poll_cpu_ms_per_home\": %.2f, "
                    + "\"poll_p99_within_target\": %s",
                options.pollMs, options.carers * 1000.0 / options.pollMs, polled.percentile(50), polled.percentile(99),
                polled.rps(), polled.errors(), polled.cpuMillisPerRequest(), polled.errors() == 0 && polled.percentile(99) < 80));
        }
        apiCalls.forEach((call, result) -> json.append(String.format(Locale.ROOT,
            ", \"api_%s\": {\"p50_ms\": %.2f, \"p99_ms\": %.2f, \"rps\": %.1f, \"errors\": %d, \"cpu_ms_per_call\": %.2f}",
            call.replaceAll("^/api/v1/|\\?.*$", "").replace('/', '_'), result.percentile(50), result.percentile(99),
            result.rps(), result.errors(), result.cpuMillisPerRequest())));
        json.append(String.format(Locale.ROOT, ", \"latency\": \"closed loop: from send; polling: from the scheduled poll time\", "
                + "\"carer_tokens\": \"one Keycloak carer (carer.demo), one device id per simulated carer\", "
                + "\"unit\": \"ms (latency), requests/s (throughput), JVM CPU-ms per request (api, store, gateway and load generator)\", "
                + "\"machine\": \"%d cores, %s, Java %s; api, gateway and load in one JVM\"}",
            Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version")));
        return json.toString();
    }

    static void progress(String message) {
        BENCH.progress(message);
    }

    private record Options(int carers, int seconds, int warmup, int schools, int pupils, int announcements, int pollMs,
                           int apiSeconds) {

        static Options parse(String[] args) {
            int carers = 200;
            int seconds = 20;
            int warmup = 180;
            int schools = 100;
            int pupils = 20_000;
            int announcements = 30;
            int pollMs = 2000;
            int apiSeconds = 5;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int value = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--carers" -> carers = value;
                    case "--seconds" -> seconds = value;
                    case "--warmup" -> warmup = value;
                    case "--schools" -> schools = value;
                    case "--pupils" -> pupils = value;
                    case "--announcements" -> announcements = value;
                    case "--poll-ms" -> pollMs = value;
                    case "--api-seconds" -> apiSeconds = value;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --carers N --seconds S [--poll-ms P --api-seconds A --warmup S --schools N --pupils M --announcements K])");
                }
            }
            return new Options(carers, seconds, warmup, schools, pupils, announcements, pollMs, apiSeconds);
        }
    }
}
