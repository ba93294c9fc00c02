package app.chorus.notifications.bench;

import app.chorus.ChorusApplication;
import app.chorus.announcements.Priority;
import app.chorus.announcements.internal.AnnouncementInput;
import app.chorus.announcements.internal.AnnouncementManagement;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.SyntheticTrust;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.platform.replicas.Child;
import app.chorus.testing.bench.Bench;
import app.chorus.testing.bench.Bench.Round;
import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.util.FileSystemUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./chorus bench fanout}: a trust-wide urgent announcement to N devices through the api's fan-out,
 * against the FCM stand-in (its own process) at 0 ms and at L ms latency, and a raw SDK loop ({@code sendEach}
 * in 500s, SDK defaults, in a JVM of its own) against the same stand-in. The store runs in its own process
 * ({@code --store own-process}, the default; {@code --store in-api}: inside the api's JVM, as before issue 28), so the
 * CPU per push is counted per process: the api's, the store's, the stand-in's (with {@code --stand-in-pid}) and the
 * raw loop's. Progress on stderr; the JSON line on stdout.
 */
public final class FanOutBench {

    static final Bench BENCH = new Bench("fanout");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final CurrentUser TRUST_LEADER = new CurrentUser("bench-leader", "leader.trust", "stf-00001",
        Set.of(Role.TRUST_LEADER, Role.TRUST_ADMIN, Role.STAFF));
    private static final AnnouncementInput STORM = new AnnouncementInput(null, Audience.trust(AudienceRole.CARERS),
        Priority.URGENT, false, null, "en", Map.of(
            "en", new AnnouncementInput.Translation("Storm: all schools closed", "All schools are closed tomorrow."),
            "pl", new AnnouncementInput.Translation("Burza: szkoły zamknięte", "Jutro wszystkie szkoły są zamknięte.")),
        List.of(), null, null, null);

    /** Ten schools' carers: a warm-up round (the same message and code paths as the trust-wide fan-out, a tenth of it). */
    private static final AnnouncementInput WARM_UP = new AnnouncementInput(null,
        Audience.schools(Set.of("school-1", "school-2", "school-3", "school-4", "school-5", "school-6", "school-7",
            "school-8", "school-9", "school-10"), AudienceRole.CARERS), STORM.priority(), false, null, "en",
        STORM.translations(), List.of(), null, null, null);

    public static void main(String[] args) throws Exception {
        int devices = Bench.option(args, "--devices", 200_000);
        int latency = Bench.option(args, "--latency-ms", 50);
        String standIn = Bench.option(args, "--stand-in", "http://127.0.0.1:9099");
        int warmUpSeconds = Bench.option(args, "--warmup-s", 240);
        boolean storeApart = !"in-api".equals(Bench.option(args, "--store", "own-process"));
        int standInPid = Bench.option(args, "--stand-in-pid", 0);
        int carers = (int) Math.ceil(devices * 0.6);
        progress("seeding %d carers with %d devices (a 100-school trust), the store %s", carers, devices,
            storeApart ? "in its own process" : "inside the api's JVM");
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "chorus-bench-" + UUID.randomUUID());
        Files.createDirectories(dataDir);
        // at the default size the store holds 120,000 carers' 200,000 devices and every warm-up round's receipts (about
        // 12,000 a round, 30 and more rounds in 240 s): 1g filled up and the store stalled in full collections
        Child store = storeApart ? Child.store(dataDir, 0, List.of("-Xmx6g", "-XX:+ExitOnOutOfMemoryError")) : null;
        String storeArgs = storeApart ? "--spring.mongodb.uri=mongodb://127.0.0.1:" + store.port() + "/chorus"
            : "--chorus.store.data-dir=" + dataDir;
        ConfigurableApplicationContext api = new SpringApplicationBuilder(ChorusApplication.class, SyntheticTrust.class)
            .run("--server.port=0", "--chorus.store.port=0", storeArgs,
                "--chorus.push.stand-in-url=" + standIn, "--chorus.test.carers=" + carers, "--chorus.test.schools=100",
                "--logging.level.root=WARN", "--logging.level.app.chorus=WARN",
                "--logging.level.app.chorus.notifications.internal.push.AdaptiveSendPool=INFO");
        Processes processes = new Processes(store, standInPid > 0 ? ProcessHandle.of(standInPid).orElse(null) : null);
        seed(api.getBean(ReactiveMongoTemplate.class), carers, devices);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bench", "fanout");
        result.put("devices", devices);
        result.put("store", storeApart ? "own process" : "inside the api");
        configure(standIn, 0);
        result.put("warmup_fanouts", warmUp(api, standIn, devices, warmUpSeconds, processes));
        RawSdkLoop.Result raw0 = RawSdkLoop.inOwnJvm(standIn, devices, Math.min(60, warmUpSeconds));
        Run run0 = fanOut(api, standIn, devices, processes);
        result.put("pushes_per_s_0ms", round(run0.perSecond()));
        result.put("raw_sdk_per_s_0ms", round(raw0.perSecond()));
        result.put("ratio_0ms", Math.round(run0.perSecond() / raw0.perSecond() * 100) / 100.0);
        result.put("seconds_0ms", round(run0.seconds()));
        result.put("cpu_s_0ms", round(run0.cpuSeconds()));
        result.put("cpu_ms_per_push_0ms", round3(run0.productCpuMsPerPush(devices)));
        result.put("api_cpu_ms_per_push_0ms", round3(run0.cpuSeconds() * 1000 / devices));
        result.put("store_cpu_ms_per_push_0ms", round3(run0.storeCpuSeconds() * 1000 / devices));
        result.put("stand_in_cpu_ms_per_push_0ms", round3(run0.standInCpuSeconds() * 1000 / devices));
        result.put("raw_sdk_cpu_ms_per_push_0ms", round3(raw0.cpuMsPerPush()));
        result.put("cpu_per_push_ratio", Math.round(run0.productCpuMsPerPush(devices) / raw0.cpuMsPerPush() * 100) / 100.0);
        result.put("heap_peak_mb_0ms", run0.heapPeakMb());
        result.put("duplicates_0ms", run0.duplicates());
        result.put("missing_0ms", run0.missing());
        result.put("receipts_counted_0ms", run0.receipts());
        configure(standIn, latency);
        RawSdkLoop.Result rawLatency = RawSdkLoop.inOwnJvm(standIn, Math.min(devices, 20_000), 0);
        Run runLatency = fanOut(api, standIn, devices, processes);
        result.put("latency_ms", latency);
        result.put("pushes_per_s_50ms", round(runLatency.perSecond()));
        result.put("raw_sdk_per_s_50ms", round(rawLatency.perSecond()));
        result.put("seconds_50ms", round(runLatency.seconds()));
        result.put("cpu_s_50ms", round(runLatency.cpuSeconds()));
        result.put("cpu_ms_per_push_50ms", round3(runLatency.productCpuMsPerPush(devices)));
        result.put("api_cpu_ms_per_push_50ms", round3(runLatency.cpuSeconds() * 1000 / devices));
        result.put("store_cpu_ms_per_push_50ms", round3(runLatency.storeCpuSeconds() * 1000 / devices));
        result.put("raw_sdk_cpu_ms_per_push_50ms", round3(rawLatency.cpuMsPerPush()));
        result.put("heap_peak_mb_50ms", runLatency.heapPeakMb());
        result.put("receipts_counted_50ms", runLatency.receipts());
        result.put("duplicates", run0.duplicates() + runLatency.duplicates());
        result.put("missing", run0.missing() + runLatency.missing());
        result.put("unit", "pushes/s accepted by the FCM stand-in");
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name"));
        api.close();
        if (store != null) {
            store.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
        BENCH.result(JSON.writeValueAsString(result));
        System.exit(0);
    }

    private static void seed(ReactiveMongoTemplate mongo, int carers, int devices) {
        int twoDevices = devices - carers;
        Flux.range(1, carers).map(i -> {
                List<Document> entries = new ArrayList<>();
                for (int d = 0; d < (i <= twoDevices ? 2 : 1); d++) {
                    String token = "bench-" + SyntheticTrust.carer(i) + "-" + d + "-xxxxxxxxxxxxxxxx";
                    entries.add(new Document("installationId", "device-" + d).append("token", token)
                        .append("platform", d == 0 ? "ANDROID" : "IOS").append("appVersion", "2.0.0")
                        .append("locale", "en-GB").append("lastSeen", new java.util.Date()));
                }
                return new Document("_id", SyntheticTrust.carer(i)).append("devices", entries);
            })
            .buffer(5000)
            .concatMap(batch -> mongo.getCollection("notification_recipients").flatMap(c -> Mono.from(c.insertMany(batch))), 1)
            .blockLast();
    }

    /** The processes besides the api's (this JVM): the store's when it runs apart, the FCM stand-in's when its pid is known. */
    private record Processes(Child store, ProcessHandle standIn) {

        long storeNanos() {
            return store == null ? 0 : store.cpuNanos();
        }

        long standInNanos() {
            return standIn == null ? 0 : standIn.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        }
    }

    /** One fan-out's figures; {@code cpuSeconds} is the api's JVM, the store's process apart (0 inside the api). */
    private record Run(double seconds, double perSecond, double cpuSeconds, double storeCpuSeconds,
                       double standInCpuSeconds, long heapPeakMb, long duplicates, long missing, long receipts) {

        /** The product's CPU per push: the api's and the store's processes together. */
        double productCpuMsPerPush(int devices) {
            return (cpuSeconds + storeCpuSeconds) * 1000 / devices;
        }
    }

    private static Run fanOut(ConfigurableApplicationContext api, String standIn, int devices, Processes processes)
        throws Exception {
        post(standIn + "/reset", "{}");
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        Map<String, Long> threadsBefore = ThreadCpu.byGroup();
        Map<String, Long> allocatedBefore = ThreadCpu.allocatedByGroup();
        long uptimeBefore = ManagementFactory.getRuntimeMXBean().getUptime();
        long compiledBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long cpuBefore = os.getProcessCpuTime();
        long storeBefore = processes.storeNanos();
        long standInBefore = processes.standInNanos();
        long heapPeak = 0;
        AnnouncementManagement announcements = api.getBean(AnnouncementManagement.class);
        String id = announcements.create(TRUST_LEADER, STORM, "bench-" + UUID.randomUUID()).block().announcement().id();
        long start = System.nanoTime();
        announcements.submit(TRUST_LEADER, id).block();
        Map<?, ?> counts = counts(standIn);
        long lastReport = 0;
        while (((Number) counts.get("tokens")).longValue() < devices && System.nanoTime() - start < 900e9) {
            Bench.sleep(200);
            heapPeak = Math.max(heapPeak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            counts = counts(standIn);
            if (System.nanoTime() - lastReport > 5e9) {
                progress("  fan-out: %s of %d devices reached", counts.get("tokens"), devices);
                lastReport = System.nanoTime();
            }
        }
        Instant last = Instant.parse((String) counts.get("lastAcceptedAt"));
        double seconds = Math.max(0.001, Duration.between(Instant.now().minusNanos(System.nanoTime() - start), last).toNanos() / 1e9);
        long people = awaitReceipts(api.getBean(ReactiveMongoTemplate.class), id, (int) Math.ceil(devices * 0.6));
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        double storeCpu = (processes.storeNanos() - storeBefore) / 1e9;
        double standInCpu = (processes.standInNanos() - standInBefore) / 1e9;
        progress("  cpu by thread group (JVM uptime %.1f-%.1f s, JIT compiling %d ms): %s", uptimeBefore / 1e3,
            ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
            ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compiledBefore,
            ThreadCpu.since(threadsBefore, (long) (cpu * 1e9), devices));
        progress("  allocated by thread group: %s", ThreadCpu.allocatedSince(allocatedBefore, devices));
        long tokens = ((Number) counts.get("tokens")).longValue();
        long repeats = ((Number) counts.get("rawRepeats")).longValue();
        progress("  fan-out: %d devices in %.1f s = %.0f/s (cpu ms/push: api %.3f, store %.3f, stand-in %.3f; heap peak %d MB,"
            + " repeats %d)", tokens, seconds, devices / seconds, cpu * 1000 / devices, storeCpu * 1000 / devices,
            standInCpu * 1000 / devices, heapPeak >> 20, repeats);
        return new Run(seconds, devices / seconds, cpu, storeCpu, standInCpu, heapPeak >> 20, repeats, devices - tokens,
            people);
    }

    /**
     * The api's JVM gets the JIT's attention before anything is timed: one trust-wide fan-out like the measured one,
     * then ten schools' fan-outs of the same message in rounds until their rate settles (see
     * {@link RawSdkLoop#untilSettled}: at most {@code --warmup-s}, 240 s by default). Without the trust-wide round the measured run deoptimised and recompiled
     * hundreds of methods (paths and branches only a trust-wide audience takes). The raw loop warms up in its own JVM.
     */
    private static int warmUp(ConfigurableApplicationContext api, String standIn, int devices, int seconds,
                              Processes processes) throws Exception {
        progress("warming up: one trust-wide fan-out, then ten schools' fan-outs until the rate settles (not measured)");
        fanOut(api, standIn, devices, processes);
        int rounds = RawSdkLoop.untilSettled(seconds, () -> warmUpFanOut(api, standIn));
        Bench.sleep(3_000); // the last round's delivered receipts are still being counted: not into the next measure
        return rounds;
    }

    /** One warm-up fan-out, until the stand-in has seen no new push for a second. */
    private static Round warmUpFanOut(ConfigurableApplicationContext api, String standIn) throws Exception {
        post(standIn + "/reset", "{}");
        AnnouncementManagement announcements = api.getBean(AnnouncementManagement.class);
        String id = announcements.create(TRUST_LEADER, WARM_UP, "bench-" + UUID.randomUUID()).block().announcement().id();
        Instant start = Instant.now();
        announcements.submit(TRUST_LEADER, id).block();
        Map<?, ?> counts = Map.of();
        long seen = -1;
        for (int quiet = 0, i = 0; quiet < 5 && i < 1_500; i++) {
            Bench.sleep(200);
            counts = counts(standIn);
            long now = ((Number) counts.get("tokens")).longValue();
            quiet = now > 0 && now == seen ? quiet + 1 : 0;
            seen = now;
        }
        double seconds = Math.max(0.001, Duration.between(start, Instant.parse((String) counts.get("lastAcceptedAt"))).toNanos() / 1e9);
        progress("  warm-up fan-out: %d devices in %.1f s = %.0f/s", seen, seconds, seen / seconds);
        return new Round(seconds, seen / seconds);
    }

    /** Waits (up to 60 s) until the delivered receipts of all {@code people} are counted, so their CPU is measured too. */
    private static long awaitReceipts(ReactiveMongoTemplate mongo, String announcementId, int people) throws InterruptedException {
        long counted = 0;
        for (int i = 0; i < 600 && counted < people; i++) {
            Document reach = mongo.findById(announcementId, Document.class, "announcement_reach").block();
            Document delivered = reach == null ? null : reach.get("delivered", Document.class);
            counted = delivered == null ? 0 : ((Number) delivered.get("total")).longValue();
            if (counted < people) {
                Bench.sleep(100);
            }
        }
        progress("  delivered receipts counted: %d of %d people", counted, people);
        return counted;
    }

    private static void configure(String standIn, int latencyMs) throws Exception {
        post(standIn + "/config", "{\"latencyMs\":" + latencyMs + "}");
        progress("stand-in latency %d ms", latencyMs);
    }

    private static Map<?, ?> counts(String standIn) throws Exception {
        return JSON.readValue(HTTP.send(HttpRequest.newBuilder(URI.create(standIn + "/counts")).build(),
            HttpResponse.BodyHandlers.ofString()).body(), Map.class);
    }

    static void post(String url, String body) throws Exception {
        HTTP.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static void progress(String format, Object... args) {
        BENCH.progress(format, args);
    }
}
