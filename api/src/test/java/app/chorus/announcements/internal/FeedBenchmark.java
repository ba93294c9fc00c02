package app.chorus.announcements.internal;

import app.chorus.ChorusApplication;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.Tokens;
import io.netty.channel.ChannelOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * {@code ./chorus bench feed}: starts the api in-process on the embedded store, seeds a trust (real OneRoster
 * importer) and {@code --announcements} published announcements spread over its schools, year groups and classes
 * (2% trust-wide, 55% school-wide, 28% year groups, 15% classes, over the last year), restarts nothing, then
 * measures with a reactive HTTP client at {@code --concurrency}: carer.demo's first feed page
 * ({@code GET /api/v1/feed}) and the no-op {@code GET /api/v1/ping}, both with the same real Keycloak token, for
 * {@code --seconds} each after a warm-up. Progress on stderr; the last stdout line is one JSON object.
 */
public final class FeedBenchmark {

    private static final String CARER = "car-000001";

    private FeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int schools = option(args, "--schools", 100);
        int announcements = option(args, "--announcements", 50_000);
        int concurrency = option(args, "--concurrency", 64);
        int seconds = option(args, "--seconds", 20);
        int pupils = option(args, "--pupils", 6_000);
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
            measure(port, schools, announcements, concurrency, seconds);
        } finally {
            context.close();
            deleteQuietly(dataDir);
        }
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
                    i % 10 == 0 ? Priority.IMPORTANT : Priority.NORMAL, i % 20 == 0, null, "en", content, null, List.of(), List.of()));
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

    private static void measure(int port, int schools, int announcements, int concurrency, int seconds) {
        String token = "Bearer " + Tokens.of("carer.demo");
        ConnectionProvider pool = ConnectionProvider.builder("bench").maxConnections(concurrency).pendingAcquireMaxCount(-1).build();
        WebClient client = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool).option(ChannelOption.TCP_NODELAY, true)))
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
            .defaultHeader("Authorization", token).build();
        String firstPage = client.get().uri("/api/v1/feed").retrieve().bodyToMono(String.class).block();
        progress("first page: " + firstPage.length() + " bytes; " + firstPage.substring(firstPage.lastIndexOf("\"unread\"")));
        progress("warming up (5 s each) ...");
        run(client, "/api/v1/ping", concurrency, 5);
        run(client, "/api/v1/feed", concurrency, 5);
        progress("measuring the no-op /api/v1/ping for " + seconds + " s at concurrency " + concurrency + " ...");
        Result noop = run(client, "/api/v1/ping", concurrency, seconds);
        progress(noop.describe("ping"));
        progress("measuring carer.demo's first feed page for " + seconds + " s at concurrency " + concurrency + " ...");
        Result feed = run(client, "/api/v1/feed", concurrency, seconds);
        progress(feed.describe("feed"));
        pool.dispose();
        System.out.println(String.format(Locale.ROOT,
            "{\"bench\":\"feed\",\"schools\":%d,\"announcements\":%d,\"concurrency\":%d,\"seconds\":%d,"
                + "\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"rps\":%.0f,\"errors\":%d,\"noop_p50_ms\":%.2f,\"noop_p99_ms\":%.2f,"
                + "\"noop_rps\":%.0f,\"ratio\":%.2f,\"target\":\"p99 < 50 ms and ratio >= 0.5\",\"met\":%b,"
                + "\"path\":\"HTTP with a real Keycloak token, embedded store, in-memory feed index\",\"unit\":\"ms, requests/s\","
                + "\"machine\":\"%d-core, load generator in the same JVM\"}",
            schools, announcements, concurrency, seconds, feed.p50, feed.p99, feed.rps, feed.errors, noop.p50, noop.p99, noop.rps,
            feed.rps / noop.rps, feed.p99 < 50 && feed.rps / noop.rps >= 0.5, Runtime.getRuntime().availableProcessors()));
    }

    private record Result(double p50, double p99, double rps, long errors, long count) {
        String describe(String name) {
            return String.format(Locale.ROOT, "%s: %d requests, %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors", name, count, rps, p50, p99, errors);
        }
    }

    private static Result run(WebClient client, String path, int concurrency, int seconds) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
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
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            throw new IllegalStateException("no successful request to " + path + " (" + errors.get() + " errors): is Keycloak up?");
        }
        return new Result(sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1e6,
            sorted.length / elapsed, errors.get(), sorted.length);
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static void progress(String message) {
        System.err.println("[bench feed] " + message);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
