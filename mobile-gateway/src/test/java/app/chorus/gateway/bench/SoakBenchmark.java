package app.chorus.gateway.bench;

import app.chorus.gateway.testing.RunningApi;
import app.chorus.gateway.testing.Staff;
import app.chorus.testing.Tokens;
import app.chorus.testing.bench.Bench;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./chorus bench soak}: the api (embedded store, the test trust) and the gateway in this JVM under a steady mixed
 * load through the gateway for {@code --minutes} (30 by default): carers with their own device ids load the home, sync,
 * read the feed, open announcements, read their preferences and save a survey answer, each pausing between requests;
 * a school leader publishes an announcement to every Oakfield carer (a push fan-out) every {@code --fanout-seconds}.
 * Every {@code --sample-seconds}: heap after a full GC, threads, open file descriptors and sockets, and the window's
 * requests, errors and latency percentiles. The drift from the first sample after warm-up to the last is the result;
 * the heap curve is also written as an SVG ({@code --plot FILE}).
 */
public final class SoakBenchmark {

    static final Bench BENCH = new Bench("soak");

    private SoakBenchmark() {
    }

    /** One sample of the JVM and of the load since the previous sample. */
    record Sample(double minute, double heapMb, int threads, long fds, long sockets, long established, long closeWait,
                  long requests, long errors, double p50, double p99) {

        String json() {
            return String.format(Locale.ROOT, "{\"minute\": %.1f, \"heap_mb\": %.1f, \"threads\": %d, \"fds\": %d, "
                + "\"sockets\": %d, \"established\": %d, \"close_wait\": %d, \"requests\": %d, \"errors\": %d, "
                + "\"p50_ms\": %.1f, \"p99_ms\": %.1f}",
                minute, heapMb, threads, fds, sockets, established, closeWait, requests, errors, p50, p99);
        }
    }

    public static void main(String[] args) throws Exception {
        int minutes = Bench.option(args, "--minutes", 30);
        int carers = Bench.option(args, "--carers", 20);
        int thinkMs = Bench.option(args, "--think-ms", 500);
        int sampleSeconds = Bench.option(args, "--sample-seconds", minutes <= 5 ? 15 : 60);
        int fanoutSeconds = Bench.option(args, "--fanout-seconds", minutes <= 5 ? 45 : 180);
        Path plot = Path.of(Bench.option(args, "--plot", "mobile-gateway/target/soak-heap.svg"));
        BENCH.progress("starting the api (test trust: 3 schools, 120 pupils) and the gateway ...");
        String apiUrl = RunningApi.url();
        ConfigurableApplicationContext gateway = MobileHomeBenchmark.gateway(apiUrl);
        String base = "http://127.0.0.1:" + ((WebServerApplicationContext) gateway).getWebServer().getPort();
        Staff staff = new Staff(apiUrl);
        List<String> announcements = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            announcements.add(staff.publish("head.oakfield", Staff.post("sch-001", List.of("sch-001"), "Soak notice " + i, false)));
        }
        String survey = staff.openSurvey("head.oakfield", "sch-001", "Soak survey");
        ConnectionProvider connections = ConnectionProvider.builder("soak").maxConnections(carers * 2).pendingAcquireMaxCount(-1).build();
        // the realm's tokens last 5 minutes: a fresh one is fetched every minute, off the clients' event loops
        AtomicReference<String> bearer = new AtomicReference<>(Tokens.bearer("carer.demo"));
        Disposable renewing = Flux.interval(Duration.ofMinutes(1), Schedulers.boundedElastic())
            .subscribe(n -> bearer.set(Tokens.bearer("carer.demo")));
        HttpClient http = HttpClient.create(connections).baseUrl(base).responseTimeout(Duration.ofSeconds(10))
            .doOnRequest((request, connection) -> request.header("Authorization", bearer.get()));
        Mixed load = new Mixed(http, announcements, survey, unitOf(http, survey), syncCursor(http), thinkMs);
        for (int device = 0; device < 3; device++) {
            load.registerDevice("soak-phone-" + device);
        }

        BENCH.progress("%d carers (one request every %d ms each, mixed), a fan-out every %d s, for %d minutes; sampling every %d s",
            carers, thinkMs, fanoutSeconds, minutes, sampleSeconds);
        Disposable running = Flux.range(0, carers).flatMap(carer -> load.carer("soak-device-" + carer), carers).subscribe();
        Disposable fanOuts = Flux.interval(Duration.ofSeconds(fanoutSeconds))
            .concatMap(n -> Mono.fromCallable(() -> staff.publish("head.oakfield",
                Staff.post("sch-001", List.of("sch-001"), "Soak fan-out " + n, false))).onErrorResume(e -> Mono.empty()))
            .subscribe();
        List<Sample> samples = new ArrayList<>();
        long started = System.nanoTime();
        long end = started + Duration.ofMinutes(minutes).toNanos();
        // whole windows only: a short last one would weigh a few requests as much as a full window
        while (System.nanoTime() + sampleSeconds * 1_000_000_000L <= end + 1_000_000_000L) {
            Bench.sleep(sampleSeconds * 1000L);
            Sample sample = load.sample((System.nanoTime() - started) / 60e9);
            samples.add(sample);
            BENCH.progress("minute %.1f: heap %.0f MB after GC, %d threads, %d fds (%d sockets: %d established, %d close-wait), "
                    + "%d requests, %d errors, p50 %.1f ms, p99 %.1f ms", sample.minute(), sample.heapMb(), sample.threads(),
                sample.fds(), sample.sockets(), sample.established(), sample.closeWait(), sample.requests(), sample.errors(),
                sample.p50(), sample.p99());
        }
        running.dispose();
        fanOuts.dispose();
        renewing.dispose();
        Files.createDirectories(plot.toAbsolutePath().getParent());
        Files.writeString(plot, SoakPlot.svg(samples, minutes));
        MobileHomeBenchmark.finish(gateway, BENCH, json(minutes, carers, thinkMs, fanoutSeconds, samples, plot));
    }

    /** Where the app syncs from: the {@code sync} cursor of its home. */
    private static String syncCursor(HttpClient http) {
        String home = http.get().uri("/mobile/v1/home").responseSingle((response, body) -> body.asString())
            .block(Duration.ofSeconds(30));
        String cursor = JsonMapper.builder().build().readTree(home).path("sync").asString("");
        if (cursor.isEmpty()) {
            throw new IllegalStateException("The home has no sync cursor: " + home);
        }
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static String unitOf(HttpClient http, String survey) {
        String waiting = http.get().uri("/api/v1/surveys/waiting").responseSingle((response, body) -> body.asString())
            .block(Duration.ofSeconds(30));
        JsonNode tree = JsonMapper.builder().build().readTree(waiting);
        for (JsonNode item : tree.path("items").isMissingNode() ? tree : tree.path("items")) {
            if (survey.equals(item.path("surveyId").asString()) && !item.path("units").isEmpty()) {
                return item.path("units").get(0).path("unit").asString();
            }
        }
        throw new IllegalStateException("carer.demo is not asked the soak survey: " + waiting);
    }

    private static String json(int minutes, int carers, int thinkMs, int fanoutSeconds, List<Sample> samples, Path plot) {
        Sample first = samples.size() > 1 ? samples.get(1) : samples.get(0); // the first window warms the JIT up
        Sample last = samples.get(samples.size() - 1);
        // p99 drift between the medians of the windows' p99 in the first and the second half (one window is noisy)
        List<Sample> measured = samples.subList(samples.size() > 1 ? 1 : 0, samples.size());
        double p99First = median(measured.subList(0, Math.max(1, measured.size() / 2)));
        double p99Last = median(measured.subList(measured.size() / 2, measured.size()));
        long requests = samples.stream().mapToLong(Sample::requests).sum();
        long errors = samples.stream().mapToLong(Sample::errors).sum();
        double maxHeap = measured.stream().mapToDouble(Sample::heapMb).max().orElse(first.heapMb());
        return String.format(Locale.ROOT, "{\"bench\": \"soak\", \"minutes\": %d, \"carers\": %d, \"think_ms\": %d, "
                + "\"fanout_every_s\": %d, \"requests\": %d, \"errors\": %d, \"heap_after_gc_first_mb\": %.1f, "
                + "\"heap_after_gc_last_mb\": %.1f, \"heap_after_gc_max_mb\": %.1f, \"heap_growth_pct\": %.1f, "
                + "\"threads_first\": %d, \"threads_last\": %d, \"fds_first\": %d, \"fds_last\": %d, \"sockets_first\": %d, "
                + "\"sockets_last\": %d, \"close_wait_last\": %d, \"p99_first_half_ms\": %.1f, \"p99_second_half_ms\": %.1f, \"p99_drift_pct\": %.1f, "
                + "\"heap_flat_within_10pct\": %s, \"plot\": \"%s\", \"samples\": [%s], "
                + "\"machine\": \"%d cores, Java %s; api, store, gateway and load in one JVM; load average %.1f\"}",
            minutes, carers, thinkMs, fanoutSeconds, requests, errors, first.heapMb(), last.heapMb(), maxHeap,
            100 * (last.heapMb() - first.heapMb()) / first.heapMb(), first.threads(), last.threads(), first.fds(), last.fds(),
            first.sockets(), last.sockets(), last.closeWait(), p99First, p99Last, 100 * (p99Last - p99First) / Math.max(p99First, 1e-9),
            Math.abs(last.heapMb() - first.heapMb()) <= 0.1 * first.heapMb(), plot,
            samples.stream().map(Sample::json).collect(Collectors.joining(", ")),
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Bench.loadAverage());
    }

    private static double median(List<Sample> windows) {
        double[] p99s = windows.stream().mapToDouble(Sample::p99).sorted().toArray();
        return p99s.length == 0 ? 0 : p99s[p99s.length / 2];
    }

    /** The carers' mixed requests, with this window's latencies and errors. */
    static final class Mixed {

        private final HttpClient http;
        private final List<String> announcements;
        private final String survey;
        private final String unit;
        private final String since;
        private final int thinkMs;
        private final AtomicLong errors = new AtomicLong();
        private volatile ConcurrentLinkedQueue<Double> window = new ConcurrentLinkedQueue<>();

        Mixed(HttpClient http, List<String> announcements, String survey, String unit, String since, int thinkMs) {
            this.http = http;
            this.announcements = announcements;
            this.survey = survey;
            this.unit = unit;
            this.since = since;
            this.thinkMs = thinkMs;
        }

        void registerDevice(String installation) {
            send("PUT", "/mobile/v1/devices/" + installation, installation, "{\"token\":\"" + "f".repeat(40) + ":APA91b"
                + installation + "x".repeat(100) + "\",\"platform\":\"android\",\"appVersion\":\"2.1.0\",\"locale\":\"en-GB\"}")
                .block(Duration.ofSeconds(30));
        }

        /** One carer's endless loop: a request picked by weight, then a pause of about {@code thinkMs}. */
        Mono<Void> carer(String device) {
            return Mono.defer(() -> request(device))
                .then(Mono.defer(() -> Mono.delay(Duration.ofMillis(ThreadLocalRandom.current().nextInt(thinkMs / 2, thinkMs * 3 / 2 + 1)))))
                .repeat().then();
        }

        private Mono<Void> request(String device) {
            int pick = ThreadLocalRandom.current().nextInt(20);
            String announcement = announcements.get(ThreadLocalRandom.current().nextInt(announcements.size()));
            if (pick < 8) {
                return send("GET", "/mobile/v1/home", device, null);
            }
            if (pick < 11) {
                return send("GET", "/mobile/v1/sync?since=" + since, device, null);
            }
            if (pick < 14) {
                return send("GET", "/api/v1/feed?limit=30", device, null);
            }
            if (pick < 16) {
                return send("POST", "/mobile/v1/announcements/" + announcement + "/opened", device, "{\"fromPush\":false}");
            }
            if (pick < 18) {
                return send("GET", "/mobile/v1/preferences", device, null);
            }
            return send("PUT", "/api/v1/surveys/" + survey + "/responses/" + unit + "/draft", device,
                "{\"answers\":{\"happy\":" + (1 + ThreadLocalRandom.current().nextInt(5)) + "}}");
        }

        private Mono<Void> send(String method, String path, String device, String body) {
            long start = System.nanoTime();
            var request = http.headers(headers -> {
                headers.set("X-Device-Id", device);
                if (body != null) {
                    headers.set("Content-Type", "application/json");
                }
            }).request(HttpMethod.valueOf(method)).uri(path);
            var sent = body == null ? request : request.send(ByteBufFlux.fromString(Mono.just(body)));
            return sent.responseSingle((response, content) -> content.asString().defaultIfEmpty("").map(text -> {
                    int status = response.status().code();
                    if (status >= 400) {
                        errors.incrementAndGet();
                        if (ThreadLocalRandom.current().nextInt(50) == 0) {
                            BENCH.progress("  %s %s answered %d: %s", method, path, status, text.length() > 200 ? text.substring(0, 200) : text);
                        }
                    }
                    window.add((System.nanoTime() - start) / 1e6);
                    return status;
                }))
                .onErrorResume(failure -> {
                    errors.incrementAndGet();
                    return Mono.just(0);
                })
                .then();
        }

        Sample sample(double minute) {
            var finished = window;
            window = new ConcurrentLinkedQueue<>();
            long failed = errors.getAndSet(0);
            double[] sorted = Bench.sorted(finished);
            System.gc();
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            Map<String, Long> states = SocketStates.ofThisProcess();
            return new Sample(minute, heap / 1e6, ManagementFactory.getThreadMXBean().getThreadCount(), fds(false), fds(true),
                states.getOrDefault("ESTABLISHED", 0L), states.getOrDefault("CLOSE_WAIT", 0L), sorted.length, failed, sorted.length == 0 ? 0 : Bench.percentile(sorted, 50),
                sorted.length == 0 ? 0 : Bench.percentile(sorted, 99));
        }

        /** Open file descriptors of this process (sockets only, when asked), from /proc. */
        private static long fds(boolean socketsOnly) {
            try (var entries = Files.list(Path.of("/proc/self/fd"))) {
                return entries.filter(fd -> !socketsOnly || readLink(fd).startsWith("socket:")).count();
            } catch (IOException | UnsupportedOperationException e) {
                return -1;
            }
        }

        private static String readLink(Path fd) {
            try {
                return Files.readSymbolicLink(fd).toString();
            } catch (IOException gone) {
                return "";
            }
        }
    }
}
