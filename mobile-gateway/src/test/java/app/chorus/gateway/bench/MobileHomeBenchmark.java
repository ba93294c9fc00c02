package app.chorus.gateway.bench;

import app.chorus.gateway.MobileGatewayApplication;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.RunningApi;
import app.chorus.gateway.testing.Staff;
import app.chorus.gateway.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@code ./chorus bench mobile-home}: the api (embedded store, a seeded 100-school trust) and the gateway start in
 * this JVM; N concurrent carers drive the gateway's no-op {@code /mobile/v1/ping} for S seconds, then poll
 * {@code /mobile/v1/home} through the gateway the same way. Each carer is a closed loop (next request when the last
 * answered) with its own device id. Progress on stderr, one JSON line on stdout.
 */
public final class MobileHomeBenchmark {

    private MobileHomeBenchmark() {
    }

    public static void main(String[] args) {
        Options options = Options.parse(args);
        progress("starting the api with a " + options.schools + "-school trust (" + options.pupils + " pupils) ...");
        String apiUrl = RunningApi.url(options.schools, options.pupils);
        progress("publishing announcements for carer.demo's schools ...");
        publish(apiUrl, options.announcements);
        progress("starting the gateway ...");
        ConfigurableApplicationContext gateway = gateway(apiUrl);
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        String token = Tokens.bearer("carer.demo");
        HttpClient http = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(options.carers * 2)
                .pendingAcquireMaxCount(-1).build())
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(10));

        progress("warming up for " + options.warmup + " s ...");
        run(http, token, "/mobile/v1/ping", options.carers, Math.max(1, options.warmup / 2));
        run(http, token, "/mobile/v1/home", options.carers, options.warmup);
        // the no-op first: a home phase that overloads the api must not leave its backlog to the reference
        progress("polling /mobile/v1/ping (gateway no-op): " + options.carers + " carers for " + options.seconds + " s ...");
        Result noop = run(http, token, "/mobile/v1/ping", options.carers, options.seconds);
        progress("no-op: " + noop.summary());
        progress("polling /mobile/v1/home: " + options.carers + " carers for " + options.seconds + " s ...");
        Result home = run(http, token, "/mobile/v1/home", options.carers, options.seconds);
        progress("home: " + home.summary());
        System.out.println(json(options, home, noop));
        gateway.close();
        System.exit(0);
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

    private static ConfigurableApplicationContext gateway(String apiUrl) {
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
                "logging.level.app.chorus.gateway.access=WARN",
                GatewayTest.NO_STORE).map(setting -> "--" + setting).toArray(String[]::new));
    }

    private static Result run(HttpClient http, String token, String path, int carers, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        List<long[]> perCarer = Flux.range(0, carers)
            .flatMap(carer -> loop(http, token, path, "bench-device-" + carer, deadline, errors), carers)
            .collectList()
            .block();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = perCarer.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, elapsed, errors.get());
    }

    private static Mono<long[]> loop(HttpClient http, String token, String path, String device, long deadline, AtomicLong errors) {
        List<Long> latencies = new ArrayList<>();
        return Mono.defer(() -> {
                long start = System.nanoTime();
                return http.headers(headers -> headers.set("Authorization", token).set("X-Device-Id", device))
                    .get().uri(path)
                    .responseSingle((response, body) -> body.asString().defaultIfEmpty("")
                        .map(text -> {
                            if (response.status().code() != 200) {
                                sample(response.status().code() + " " + text);
                            }
                            return response.status().code();
                        }))
                    .doOnNext(status -> {
                        if (status == 200) {
                            latencies.add(System.nanoTime() - start);
                        } else {
                            errors.incrementAndGet();
                        }
                    })
                    .onErrorResume(failure -> {
                        sample(failure.toString());
                        errors.incrementAndGet();
                        return Mono.empty();
                    });
            })
            .repeat(() -> System.nanoTime() < deadline)
            .then(Mono.fromSupplier(() -> latencies.stream().mapToLong(Long::longValue).toArray()));
    }

    private static String json(Options options, Result home, Result noop) {
        return String.format(Locale.ROOT, "{\"bench\": \"mobile-home\", \"carers\": %d, \"seconds\": %d, \"schools\": %d, "
                + "\"pupils\": %d, \"announcements\": %d, \"p50_ms\": %.2f, \"p99_ms\": %.2f, \"rps\": %.1f, \"requests\": %d, "
                + "\"errors\": %d, \"noop_p50_ms\": %.2f, \"noop_p99_ms\": %.2f, \"noop_rps\": %.1f, \"rps_vs_noop\": %.3f, "
                + "\"target_p99_ms\": 80, \"p99_within_target\": %s, \"carer_tokens\": \"one Keycloak carer (carer.demo), one device id per simulated carer\", "
                + "\"unit\": \"ms (latency), requests/s (throughput)\", \"machine\": \"%d cores, %s, Java %s; api, gateway and load in one JVM\"}",
            options.carers, options.seconds, options.schools, options.pupils, options.announcements,
            home.percentile(50), home.percentile(99), home.rps(), home.latencies.length, home.errors,
            noop.percentile(50), noop.percentile(99), noop.rps(), home.rps() / Math.max(noop.rps(), 1e-9),
            home.percentile(99) < 80, Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
            System.getProperty("java.version"));
    }

    private static final AtomicLong sampled = new AtomicLong();

    /** The first few failures, so that a run with errors says what they were. */
    private static void sample(String failure) {
        if (sampled.incrementAndGet() <= 5) {
            progress("failed request: " + (failure.length() > 300 ? failure.substring(0, 300) : failure));
        }
    }

    private static void progress(String message) {
        System.err.println("[bench mobile-home] " + message);
    }

    private record Result(long[] latencies, double seconds, long errors) {

        double percentile(int p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(index, latencies.length - 1))] / 1e6;
        }

        double rps() {
            return latencies.length / seconds;
        }

        String summary() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, %.0f req/s, %d errors", percentile(50), percentile(99), rps(), errors);
        }
    }

    private record Options(int carers, int seconds, int warmup, int schools, int pupils, int announcements) {

        static Options parse(String[] args) {
            int carers = 200;
            int seconds = 20;
            int warmup = 10;
            int schools = 100;
            int pupils = 20_000;
            int announcements = 30;
            for (int i = 0; i + 1 < args.length; i += 2) {
                int value = Integer.parseInt(args[i + 1]);
                switch (args[i]) {
                    case "--carers" -> carers = value;
                    case "--seconds" -> seconds = value;
                    case "--warmup" -> warmup = value;
                    case "--schools" -> schools = value;
                    case "--pupils" -> pupils = value;
                    case "--announcements" -> announcements = value;
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + " (use --carers N --seconds S [--warmup S --schools N --pupils M --announcements K])");
                }
            }
            return new Options(carers, seconds, warmup, schools, pupils, announcements);
        }
    }
}
