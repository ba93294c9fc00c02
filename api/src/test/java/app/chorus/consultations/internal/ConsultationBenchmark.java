package app.chorus.consultations.internal;

import static app.chorus.testing.bench.Bench.loadAverage;
import static app.chorus.testing.bench.Bench.option;
import static app.chorus.testing.bench.Bench.percentile;

import app.chorus.consultations.Phase;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.BenchRuns;
import app.chorus.testing.BenchTokens;
import app.chorus.testing.bench.Bench;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code ./chorus bench consultation}: the whole api in-process on the embedded store, a seeded trust, one trust-wide
 * carers' consultation in its ideas phase. Ideas, supports (one per child and idea) and comments go in through HTTP from
 * {@code --concurrency} clients signed in as carers ({@link BenchTokens}). The ideas list by support (first page, so
 * every read starts a fresh order) is timed while supports keep arriving, once at 100 ideas and once at all of them,
 * and a thread page (an idea's comments) at the end. The last stdout line is the JSON.
 */
public final class ConsultationBenchmark {

    private static final Bench BENCH = new Bench("consultation");

    private ConsultationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int schools = option(args, "--schools", 100);
        int pupils = option(args, "--pupils", 60_000);
        int ideas = option(args, "--ideas", 5_000);
        int supports = option(args, "--supports", 200_000);
        int comments = option(args, "--comments", 50_000);
        int concurrency = option(args, "--concurrency", 64);
        int port = option(args, "--port", 19100);
        BenchRuns.onApi(BENCH, port, schools, pupils,
            (context, tokens, apiPort) -> new Run(context, tokens, apiPort, concurrency).all(schools, ideas, supports, comments));
    }

    private record Unit(String carerId, String pupilId) {
    }

    private static final class Run {
        private final ConfigurableApplicationContext context;
        private final BenchTokens tokens;
        private final WebClient web;
        private final int concurrency;
        private List<Unit> units;
        private String consultationId;
        private final List<String> ideaIds = java.util.Collections.synchronizedList(new ArrayList<>());

        Run(ConfigurableApplicationContext context, BenchTokens tokens, int apiPort, int concurrency) {
            this.context = context;
            this.tokens = tokens;
            this.concurrency = concurrency;
            this.web = BenchRuns.client(apiPort, concurrency + 8);
        }

        String all(int schools, int ideas, int supports, int comments) {
            units = units();
            progress(units.size() + " children, each a voice");
            tokens.signIn(units.stream().map(Unit::carerId).toList());
            consultationId = open();
            propose(0, Math.min(100, ideas));
            double[] at100 = readIdeasWhileSupporting(Math.max(200, supports / 20), 0);
            propose(ideaIds.size(), ideas);
            long c0 = System.nanoTime();
            run("comments", comments, this::comment);
            double commentsPerSecond = comments / ((System.nanoTime() - c0) / 1e9);
            long s0 = System.nanoTime();
            int bulk = supports - 2 * Math.max(200, supports / 20);
            double ops0 = storeCommands();
            Map<String, Double> byCommand0 = storeCommandsByKind();
            long cpu0 = processCpuNanos();
            long refused = run("supports", bulk, i -> support(i + Math.max(200, supports / 20)));
            double supportsPerSecond = bulk / ((System.nanoTime() - s0) / 1e9);
            double opsPerSupport = (storeCommands() - ops0) / bulk;
            double cpuMsPerSupport = (processCpuNanos() - cpu0) / 1e6 / bulk;
            progress(String.format(Locale.ROOT, "supports: %.1f store commands and %.2f ms of CPU (the whole JVM) each", opsPerSupport,
                cpuMsPerSupport));
            progress("supports: store commands each by command and collection: " + perSupport(byCommand0, storeCommandsByKind(), bulk));
            double[] atAll = readIdeasWhileSupporting(Math.max(200, supports / 20), supports - Math.max(200, supports / 20));
            double[] thread = readThreads(200);
            String recount = recount();
            double p99At100 = percentile(at100, 99);
            double p99AtAll = percentile(atAll, 99);
            return String.format(Locale.ROOT,
                "{\"bench\":\"consultation\",\"schools\":%d,\"voices\":%d,\"ideas\":%d,\"supports\":%d,\"comments\":%d,\"concurrency\":%d,"
                    + "\"supports_per_s\":%.0f,\"comments_per_s\":%.0f,\"supports_already_given\":%d,\"ideas_p50_ms_100\":%.2f,"
                    + "\"ideas_p99_ms_100\":%.2f,\"ideas_p50_ms_%d\":%.2f,\"ideas_p99_ms_%d\":%.2f,%s\"growth\":%.2f,"
                    + "\"thread_p50_ms\":%.2f,\"thread_p99_ms\":%.2f,\"store_ops_per_support\":%.1f,\"cpu_ms_per_support\":%.2f,"
                    + "\"counts\":\"%s\",\"unit\":\"ms\",\"machine\":\"%d cores, load %.1f\"}",
                schools, units.size(), ideaIds.size(), supports, comments, concurrency, supportsPerSecond, commentsPerSecond, refused,
                percentile(at100, 50), p99At100, ideaIds.size(), percentile(atAll, 50), ideaIds.size(), p99AtAll,
                // the field: the line above names it already at 5,000 ideas (a key only once per object)
                ideaIds.size() == 5000 ? "" : "\"ideas_p99_ms_5000\":null,", p99AtAll / Math.max(0.01, p99At100),
                percentile(thread, 50), percentile(thread, 99), opsPerSupport, cpuMsPerSupport, recount, Runtime.getRuntime().availableProcessors(),
                loadAverage());
        }

        /** Commands the api's driver sent to the store so far (the driver's command metrics). */
        private double storeCommands() {
            return context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("mongodb.driver.commands").timers().stream()
                .mapToDouble(io.micrometer.core.instrument.Timer::count).sum();
        }

        /** The driver's commands so far by command name and collection ({@code update consultation_ideas}). */
        private Map<String, Double> storeCommandsByKind() {
            Map<String, Double> counts = new java.util.TreeMap<>();
            context.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("mongodb.driver.commands").timers()
                .forEach(timer -> counts.merge(timer.getId().getTag("command") + " " + timer.getId().getTag("collection"),
                    (double) timer.count(), Double::sum));
            return counts;
        }

        private static String perSupport(Map<String, Double> before, Map<String, Double> after, int supports) {
            StringBuilder line = new StringBuilder();
            after.forEach((kind, count) -> {
                double each = (count - before.getOrDefault(kind, 0.0)) / supports;
                if (each >= 0.005) {
                    line.append(String.format(Locale.ROOT, "%s %.2f; ", kind, each));
                }
            });
            return line.toString();
        }

        /**
         * Every idea's counter against a count of its stored supports, once the supports are all in: "equal", or the
         * first ideas that differ (the run then fails).
         */
        private String recount() {
            org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo =
                context.getBean(org.springframework.data.mongodb.core.ReactiveMongoTemplate.class);
            Map<String, Integer> stored = new java.util.HashMap<>();
            mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("consultationId").is(consultationId)),
                    org.bson.Document.class, Supports.COLLECTION)
                .toIterable().forEach(support -> stored.merge(support.getString("ideaId"), 1, Integer::sum));
            List<String> differ = new ArrayList<>();
            mongo.find(org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("consultationId").is(consultationId)), Idea.class)
                .toIterable().forEach(idea -> {
                    if (idea.supports() != stored.getOrDefault(idea.id(), 0)) {
                        differ.add(idea.id() + " " + idea.supports() + " vs " + stored.getOrDefault(idea.id(), 0));
                    }
                });
            progress("counters against a recount of " + stored.values().stream().mapToInt(Integer::intValue).sum() + " supports: "
                + (differ.isEmpty() ? "equal" : differ.size() + " ideas differ"));
            if (!differ.isEmpty()) {
                throw new IllegalStateException("support counters differ from the recount: " + differ.subList(0, Math.min(5, differ.size())));
            }
            return "equal";
        }

        /** CPU time of this JVM: the api, the embedded store and the bench's clients. */
        private static long processCpuNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        }

        private List<Unit> units() {
            AudienceResolver audiences = context.getBean(AudienceResolver.class);
            DirectoryQueries directory = context.getBean(DirectoryQueries.class);
            Set<String> seen = new HashSet<>();
            List<Unit> found = new ArrayList<>();
            audiences.resolve(Audience.trust(AudienceRole.CARERS))
                .concatMap(member -> directory.pupilsCaredFor(member.personId()).map(child -> new Unit(member.personId(), child.pupilId())))
                .filter(unit -> seen.add(unit.pupilId()))
                .toIterable().forEach(found::add);
            Collections.shuffle(found, new Random(7));
            return found;
        }

        private String open() {
            Instant now = Instant.now();
            ConsultationDraft draft = new ConsultationDraft(null, "en",
                Map.of("en", new Text("How should we spend the sports premium?", "What would help most?", "")),
                new Decider(false, null, "the trust board"), Audience.trust(AudienceRole.CARERS), null, null, false,
                List.of(new PhasePlan(Phase.IDEAS, now.minusSeconds(60)), new PhasePlan(Phase.DELIBERATION, now.plus(Duration.ofDays(1)))),
                null, null, null, null);
            CurrentUser leader = new CurrentUser("bench-leader", "bench-leader", null, Set.of(Role.TRUST_LEADER));
            return context.getBean(ConsultationManagement.class).create(leader, draft, "bench").block().id();
        }

        private void propose(int from, int to) {
            run("ideas", to - from, i -> {
                Unit unit = units.get((int) ((from + i) % units.size()));
                return post("/api/v1/consultations/{id}/ideas?as=" + unit.pupilId(), unit,
                    Map.of("title", "Idea " + (from + i), "body", "Because it would help the children of the trust."))
                    .doOnNext(response -> ideaIds.add(String.valueOf(response.get("id")))).thenReturn(0);
            });
        }

        /** The i-th support: a child and an idea, no pair twice for the first ideas x voices supports. */
        private Mono<Integer> support(long i) {
            Unit unit = units.get((int) (i % units.size()));
            int round = (int) (i / units.size());
            String ideaId = ideaIds.get((int) ((round * 7919L + (i % units.size()) * 31L) % ideaIds.size()));
            return web.put().uri("/api/v1/consultations/{id}/ideas/{idea}/support?as=" + unit.pupilId(), consultationId, ideaId)
                .header("Authorization", tokens.bearer(unit.carerId()))
                .exchangeToMono(response -> response.statusCode().value() == 409 ? response.releaseBody().thenReturn(1)
                    : response.statusCode().is2xxSuccessful() ? response.releaseBody().thenReturn(0)
                    : response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> Mono.error(new IllegalStateException(
                        "support refused " + response.statusCode() + ": " + body))))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(100)).filter(failure -> !(failure instanceof IllegalStateException)));
        }

        private Mono<Integer> comment(long i) {
            Unit unit = units.get((int) ((i * 13) % units.size()));
            String ideaId = ideaIds.get((int) (i % ideaIds.size()));
            return post("/api/v1/consultations/{id}/comments?as=" + unit.pupilId(), unit,
                Map.of("ideaId", ideaId, "stance", i % 3 == 0 ? "FOR" : i % 3 == 1 ? "AGAINST" : "NEUTRAL", "body", "Comment " + i + " on this idea."))
                .thenReturn(0);
        }

        private Mono<Map<String, Object>> post(String path, Unit unit, Map<String, Object> body) {
            return web.post().uri(path, consultationId).header("Authorization", tokens.bearer(unit.carerId()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.statusCode().is2xxSuccessful() ? response.bodyToMono(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() { })
                    : response.bodyToMono(String.class).defaultIfEmpty("").flatMap(text -> Mono.error(new IllegalStateException(
                        path + " refused " + response.statusCode() + ": " + text))))
                .retryWhen(Retry.backoff(3, Duration.ofMillis(100)).filter(failure -> !(failure instanceof IllegalStateException)));
        }

        /** Runs n requests with the configured concurrency; completes with how many answered 1 (e.g. already given). */
        private long run(String what, int n, Function<Long, Mono<Integer>> request) {
            return BenchRuns.load(BENCH, what, n, concurrency, 10, request::apply);
        }

        /** Times the first page of ideas by support (a fresh order each read) while {@code count} supports arrive. */
        private double[] readIdeasWhileSupporting(int count, long firstSupport) {
            Unit reader = units.get(0);
            Bench.Sampler reads = Bench.sampleWhile(() -> web.get().uri("/api/v1/consultations/{id}/ideas?limit=20", consultationId)
                .header("Authorization", tokens.bearer(reader.carerId())).retrieve().bodyToMono(String.class)
                .block(Duration.ofSeconds(30)), 20, 20);
            run("supports while reading " + ideaIds.size() + " ideas", count, i -> support(firstSupport + i));
            double[] sorted = reads.stop();
            progress(String.format(Locale.ROOT, "ideas list at %d ideas: %d reads, p50 %.1f ms, p99 %.1f ms", ideaIds.size(), sorted.length,
                percentile(sorted, 50), percentile(sorted, 99)));
            return sorted;
        }

        private double[] readThreads(int count) {
            Unit reader = units.get(0);
            double[] times = Bench.timed(count, i -> web.get()
                .uri("/api/v1/consultations/{id}/comments?ideaId=" + ideaIds.get(i % ideaIds.size()), consultationId)
                .header("Authorization", tokens.bearer(reader.carerId())).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)));
            progress(String.format(Locale.ROOT, "thread pages: p50 %.1f ms, p99 %.1f ms", percentile(times, 50), percentile(times, 99)));
            return times;
        }
    }

    private static void progress(String message) {
        BENCH.progress(message);
    }
}
