package app.chorus.announcements.internal;

import app.chorus.ChorusApplication;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.Tokens;
import app.chorus.testing.bench.Bench;
import app.chorus.testing.bench.Bench.Round;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@code ./chorus bench feed}: starts the api in-process on the embedded store, seeds a trust (real OneRoster
 * importer) and {@code --announcements} published announcements spread over its schools, year groups and classes
 * (2% trust-wide, 55% school-wide, 28% year groups, 15% classes, over the last year), restarts nothing, then
 * measures at {@code --concurrency}: carer.demo's first feed page ({@code GET /api/v1/feed}) and the no-op
 * {@code GET /api/v1/ping}, both with the same real Keycloak token, for {@code --seconds} each after a warm-up.
 * {@code --client wrk} (the default when {@code /usr/bin/wrk} exists) loads from a separate process;
 * {@code --client jvm} from a Reactor Netty client in this JVM on its own event loop. Both report the api's CPU
 * time per request (this JVM's CPU, less the in-process client's threads), which does not depend on how busy
 * the shared machine is. Progress on stderr; the last stdout line is one JSON object.
 */
public final class FeedBenchmark {

    private static final Bench BENCH = new Bench("feed");

    private static final String CARER = "car-000001";

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int schools = option(args, "--schools", 100);
        int announcements = option(args, "--announcements", 50_000);
        int concurrency = option(args, "--concurrency", 64);
        int seconds = option(args, "--seconds", 20);
        int pupils = option(args, "--pupils", 6_000);
        String client = clientOption(args);
        Path dataDir = Files.createTempDirectory("chorus-bench-feed-");
        String keycloak = Tokens.keycloakUrl();
        progress("starting the api in-process; seeding " + schools + " schools, " + pupils + " pupils ...");
        long t0 = System.nanoTime();
        // command-line arguments, so they win over application.yml (builder properties would not)
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ChorusApplication.class).run(
            "--server.port=0", "--chorus.store.port=0", "--chorus.store.data-dir=" + dataDir,
            "--chorus.identity.issuer-uri=" + keycloak + "/realms/chorus",
            "--chorus.demo.seed-on-first-start=true", "--chorus.demo.schools=" + schools, "--chorus.demo.pupils=" + pupils,
            "--logging.level.root=WARN", "--logging.level.app.chorus=WARN", "--spring.main.banner-mode=off");
        progress("api ready in " + ms(t0) + " ms");
        try {
            seed(context, schools, announcements);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            double storePage = storePageMillis(context);
            measure(port, schools, announcements, concurrency, seconds, client, storePage);
        } finally {
            context.close();
            Bench.deleteQuietly(dataDir);
        }
    }

    /**
     * The page as a store query (what a real MongoDB answers from index feed_page): on the embedded store the
     * hash index on audienceKeys narrows to the carer's entries, which are then all sorted. Median of 21 runs.
     */
    private static double storePageMillis(ConfigurableApplicationContext context) {
        ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
        Set<String> keys = context.getBean(AudienceResolver.class).keysOf(CARER).block();
        Query page = Query.query(Criteria.where("audienceKeys").in(keys).and("retracted").is(false))
            .with(Sort.by(Sort.Order.desc("sortAt"), Sort.Order.desc("announcementId"))).limit(21);
        double median = Bench.medianMs(21, () -> mongo.find(page, FeedEntry.class).then().block());
        BENCH.progress("the same page as a store query (hash index on audienceKeys, then sort): median %.1f ms", median);
        return median;
    }

    private static void seed(ConfigurableApplicationContext context, int schools, int count) {
        long t0 = System.nanoTime();
        ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
        FeedStore feed = context.getBean(FeedStore.class);
        Set<String> carerKeys = context.getBean(AudienceResolver.class).keysOf(CARER).block();
        List<String> carerSpecific = carerKeys.stream().filter(key -> key.startsWith("year:") || key.startsWith("class:")).toList();
        Random random = new Random(42);
        Instant now = Instant.now();
        int batch = 1_000;
        for (int from = 0; from < count; from += batch) {
            List<Announcement> posts = new ArrayList<>();
            List<FeedEntry> entries = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + batch); i++) {
                String key = keyFor(random, schools, carerSpecific);
                Instant at = now.minusSeconds(random.nextInt(365 * 24 * 3600)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                String id = String.format("ann-bench-%07d", i);
                Map<String, Content> content = Map.of("en", new Content("Notice " + i, "Body of notice " + i,
                    "<p>Body of notice " + i + "</p>", "Body of notice " + i));
                posts.add(published(id, key, content, at));
                entries.add(new FeedEntry(id, id, schoolOf(key), List.of(key), at, at, at, null, i + 1L, false, 1, false,
                    i % 10 == 0 ? Priority.IMPORTANT : Priority.NORMAL, i % 20 == 0, null, "en", content, null, List.of(), List.of(), null, null, null, null));
            }
            mongo.insertAll(posts).then().block();
            mongo.insertAll(entries).doOnNext(feed.index()::put).then().block();
            if ((from / batch) % 10 == 9) {
                progress("  " + (from + batch) + " / " + count + " announcements stored");
            }
        }
        progress("seeded " + count + " announcements in " + ms(t0) + " ms; feed index holds " + feed.index().size());
    }

    private static String keyFor(Random random, int schools, List<String> carerSpecific) {
        int roll = random.nextInt(100);
        String school = String.format("sch-%03d", 1 + random.nextInt(schools));
        if (roll < 2) {
            return Audience.trustKey(AudienceRole.CARERS);
        }
        if (roll < 57) {
            return Audience.schoolKey(school, AudienceRole.CARERS);
        }
        if (!carerSpecific.isEmpty() && random.nextInt(100) < 2) {
            return carerSpecific.get(random.nextInt(carerSpecific.size()));
        }
        if (roll < 85) {
            return Audience.yearKey(school, "Y" + (1 + random.nextInt(6)), AudienceRole.CARERS);
        }
        return Audience.classKey("cls-" + school.substring(4) + "-" + (1 + random.nextInt(6)) + "B", AudienceRole.CARERS);
    }

    private static String schoolOf(String key) {
        if (key.startsWith("school:")) {
            return key.substring(7, key.indexOf('/'));
        }
        return null;
    }

    private static Announcement published(String id, String key, Map<String, Content> content, Instant at) {
        Audience audience = key.startsWith("trust/") ? Audience.trust(AudienceRole.CARERS)
            : Audience.schools(Set.of(schoolOf(key) == null ? "sch-001" : schoolOf(key)), AudienceRole.CARERS);
        AnnouncementDraft draft = new AnnouncementDraft(schoolOf(key), audience, Priority.NORMAL, false, null, "en", content,
            List.of(), at, null, null);
        Announcement post = Announcement.draft(id, "stf-00001", draft, at);
        post.submit(false, at);
        post.schedule(Map.of(Edition.WHOLE, Edition.whole(List.of(key))), at);
        post.announced(Edition.WHOLE, 1, at);
        return post;
    }

    private static void measure(int port, int schools, int announcements, int concurrency, int seconds, String clientKind,
                                double storePage) {
        String token = "Bearer " + Tokens.of("carer.demo");
        try (JvmLoad jvm = new JvmLoad(port, token, concurrency)) {
            String firstPage = jvm.get("/api/v1/feed");
            progress("first page: " + firstPage.length() + " bytes; " + firstPage.substring(firstPage.lastIndexOf("\"unread\"")));
            boolean wrk = clientKind.equals("wrk");
            WrkLoad external = new WrkLoad(port, token, concurrency, 1);
            String generator = wrk ? "wrk (1 thread, separate process)" : "Reactor Netty client in the same JVM (own event loop)";
            BiFunction<String, Integer, LoadResult> load = wrk ? external::run : jvm::run;
            progress("load generator: " + generator + "; warming up until the JIT has settled ...");
            int warmup = warmUp(load);
            double idle = idleCpuMillisPerSecond();
            progress("measuring the no-op /api/v1/ping for " + seconds + " s at concurrency " + concurrency + " ...");
            LoadResult noop = load.apply("/api/v1/ping", seconds);
            progress(noop.describe("ping"));
            progress("measuring carer.demo's first feed page for " + seconds + " s at concurrency " + concurrency + " ...");
            LoadResult feed = load.apply("/api/v1/feed", seconds);
            progress(feed.describe("feed"));
            BENCH.result(String.format(Locale.ROOT,
                "{\"bench\":\"feed\",\"schools\":%d,\"announcements\":%d,\"concurrency\":%d,\"seconds\":%d,\"warmup_s\":%d,"
                    + "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"rps\":%.0f,\"errors\":%d,\"noop_p50_ms\":%.2f,\"noop_p99_ms\":%.2f,"
                    + "\"noop_rps\":%.0f,\"ratio\":%.2f,\"api_cpu_ms_per_request\":%.3f,\"noop_api_cpu_ms_per_request\":%.3f,"
                    + "\"client_cpu_ms_per_request\":%.3f,\"idle_cpu_ms_per_s\":%.1f,\"net_api_cpu_ms_per_request\":%.3f,"
                    + "\"noop_net_api_cpu_ms_per_request\":%.3f,\"store_page_ms\":%.1f,\"client\":\"%s\",\"target\":\"p99 < 50 ms and ratio >= 0.5\",\"met\":%b,"
                    + "\"path\":\"HTTP with a real Keycloak token, embedded store, in-memory feed index\",\"unit\":\"ms, requests/s, CPU ms per request\","
                    + "\"machine\":\"%d-core, shared (load average %.1f at the end)\"}",
                schools, announcements, concurrency, seconds, warmup, feed.p50(), feed.p99(), feed.rps(), feed.errors(), noop.p50(), noop.p99(),
                noop.rps(), feed.rps() / noop.rps(), feed.apiCpuMsPerRequest(), noop.apiCpuMsPerRequest(), feed.clientCpuMsPerRequest(),
                idle, net(feed, idle, seconds), net(noop, idle, seconds), storePage, generator, feed.p99() < 50 && feed.rps() / noop.rps() >= 0.5, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
    }

    /** Rounds of 5 s on the no-op, then the feed, until both have settled ({@link Bench#warmUp}, at most 12 rounds). */
    private static int warmUp(BiFunction<String, Integer, LoadResult> load) {
        return 10 * BENCH.warmUp(12, round -> new Round(10,
            load.apply("/api/v1/ping", 5).rps(), load.apply("/api/v1/feed", 5).rps()));
    }

    /** This JVM's CPU while no request comes (sweepers, JIT, GC): subtracted for the net CPU per request. */
    private static double idleCpuMillisPerSecond() {
        long before = CpuMeter.processCpuNanos();
        Bench.sleep(3_000);
        double idle = (CpuMeter.processCpuNanos() - before) / 1e6 / 3;
        progress(String.format(Locale.ROOT, "idle api JVM: %.1f ms CPU per second", idle));
        return idle;
    }

    private static double net(LoadResult result, double idleMillisPerSecond, int seconds) {
        return Math.max(0, result.apiCpuMsPerRequest() - idleMillisPerSecond * seconds / result.count());
    }

    private static String clientOption(String[] args) {
        String client = Bench.option(args, "--client", WrkLoad.available() ? "wrk" : "jvm");
        if (!Set.of("wrk", "jvm").contains(client)) {
            throw new IllegalArgumentException("--client is wrk (separate process) or jvm (in-process)");
        }
        return client;
    }

    private static int option(String[] args, String name, int fallback) {
        return Bench.option(args, name, fallback);
    }

    private static long ms(long since) {
        return Bench.ms(since);
    }

    private static void progress(String message) {
        BENCH.progress(message);
    }
}
