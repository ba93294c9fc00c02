package app.chorus.decisions.internal;

import static app.chorus.testing.bench.Bench.loadAverage;
import static app.chorus.testing.bench.Bench.option;
import static app.chorus.testing.bench.Bench.percentile;

import app.chorus.decisions.Method;
import app.chorus.decisions.tally.InstantRunoff;
import app.chorus.decisions.tally.IrvResult;
import app.chorus.decisions.tally.RankedBallot;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.bson.Document;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@code ./chorus bench decision}: the whole api in-process on the embedded store, a seeded trust with one pupil per
 * unit, a trust-wide ranked-choice decision (one ballot per child, 10 options); {@code --ballots} ranked ballots cast
 * through HTTP by {@code --concurrency} clients (each carer with a signed token, see {@link BenchTokens}), the last
 * {@code --changes} of them changing an earlier ballot, while a reader times live results over HTTP (fresh from the
 * cells on every read). Then the instant-runoff count of the standing ballots in memory, the close (every ballot read
 * from the store and counted), and whether the live counters equal a recount. The last stdout line is the JSON.
 */
public final class DecisionBenchmark {

    private static final int OPTIONS = 10;
    private static final Bench BENCH = new Bench("decision");

    private DecisionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int units = option(args, "--units", 60_000);
        int ballots = option(args, "--ballots", 100_000);
        int changes = option(args, "--changes", 40_000);
        int concurrency = option(args, "--concurrency", 64);
        int schools = option(args, "--schools", 100);
        int port = option(args, "--port", 58090);
        BenchRuns.onApi(BENCH, port, schools, units, (context, tokens, apiPort) ->
            run(context, tokens, apiPort, units, ballots, changes, concurrency, schools));
    }

    private record Unit(String carerId, String pupilId) {
    }

    private static String run(ConfigurableApplicationContext context, BenchTokens tokens, int apiPort, int wantedUnits,
                              int ballots, int changes, int concurrency, int schools) {
        List<Unit> units = units(context, wantedUnits);
        progress(units.size() + " children to vote for");
        Decision decision = openDecision(context.getBean(DecisionManagement.class));
        WebClient web = BenchRuns.client(apiPort, concurrency + 4);

        Random random = new Random(20261206);
        List<Unit> order = new ArrayList<>();
        for (int i = 0; i < ballots; i++) {
            order.add(i < ballots - changes ? units.get(i % units.size()) : units.get(random.nextInt(Math.min(units.size(), ballots - changes))));
        }
        Unit leaderVoter = units.get(0);
        progress("signing in " + units.size() + " carers ...");
        tokens.signIn(units.stream().map(Unit::carerId).toList());
        String bearer = tokens.bearer(leaderVoter.carerId());
        Runnable read = () -> web.get().uri("/api/v1/decisions/{id}/results?by=school", decision.id())
            .header("Authorization", bearer).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30));
        // the realm's keys fetched once before the clock starts, as a running api has them: otherwise the 64 clients'
        // first ballots each fetch them at once, which on a loaded machine outlasts the fetch's timeout (a 503)
        read.run();
        Bench.Sampler reads = Bench.sampleWhile(read, 20, 0);
        progress("casting from " + Instant.now());
        long t0 = System.nanoTime();
        long cpu0 = Bench.processCpuNanos();
        // in two halves: the second shows the cost once the JIT has compiled the path (a small run is still compiling)
        int half = ballots / 2;
        BenchRuns.load(BENCH, "ballots cast", half, concurrency, 10,
            i -> cast(web, tokens, decision.id(), order.get((int) i), new Random(i)));
        long cpuHalf = Bench.processCpuNanos();
        BenchRuns.load(BENCH, "more ballots cast", ballots - half, concurrency, 10,
            i -> cast(web, tokens, decision.id(), order.get((int) (half + i)), new Random(half + i)));
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuPerBallot = (Bench.processCpuNanos() - cpu0) / 1e6 / ballots;
        double warmCpuPerBallot = (Bench.processCpuNanos() - cpuHalf) / 1e6 / Math.max(1, ballots - half);
        double[] sorted = reads.stop();
        progress("cast until " + Instant.now());
        double perSecond = ballots / seconds;
        progress(String.format(Locale.ROOT, "%d ballots in %.1f s: %.0f/s, %.2f ms of CPU each (api, store, clients and reader), %.2f ms in the second half; "
            + "%d live reads", ballots, seconds, perSecond, cpuPerBallot, warmCpuPerBallot, sorted.length));

        Bench.Latency quiet = Bench.latency(50, 300, () -> { }, read);
        progress(String.format(Locale.ROOT, "results read with no ballots arriving: p50 %.2f ms, p99 %.2f ms, %.2f ms of CPU each",
            quiet.p50(), quiet.p99(), quiet.cpuMs()));

        ReactiveMongoTemplate mongo = context.getBean(ReactiveMongoTemplate.class);
        List<RankedBallot> standing = mongo.find(Query.query(Criteria.where("decisionId").is(decision.id())), Document.class, BallotCasting.BALLOTS)
            .map(ballot -> new RankedBallot(ballot.getString("_id"), Choice.of(ballot.get("choice", Document.class)).ranking()
                .stream().map(List::of).toList()))
            .collectList().block();
        double irvMs = irvCount(decision, standing);
        boolean match = liveEqualsRecount(context, decision, standing) && shownEqualsRecount(web, bearer, decision, standing);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(decision.id())),
            new Update().set("closesAt", Instant.now().minusSeconds(60)), Decision.class).block();
        long c0 = System.nanoTime();
        Decision closed = context.getBean(DecisionManagement.class).closeIfDue(decision.id()).block(Duration.ofMinutes(5));
        double closeMs = (System.nanoTime() - c0) / 1e6;
        IrvResult memory = InstantRunoff.count(decision.ranking().irvRules(decision.optionIds()), standing);
        boolean sameWinner = closed != null && closed.result().outcome().leaders().equals(List.of(memory.winner()));
        progress(String.format(Locale.ROOT, "close (read %d ballots from the store and count): %.0f ms; %s", standing.size(), closeMs,
            closed == null ? "not counted" : closed.result().outcome().explanation()));

        return String.format(Locale.ROOT,
            "{\"bench\":\"decision\",\"units\":%d,\"ballots\":%d,\"changes\":%d,\"concurrency\":%d,\"schools\":%d,\"options\":%d,"
                + "\"ballots_per_s\":%.0f,\"cpu_ms_per_ballot\":%.2f,\"cpu_ms_per_ballot_second_half\":%.2f,\"irv_count_ms\":%.1f,\"close_ms\":%.0f,\"results_p50_ms\":%.2f,\"results_p99_ms\":%.2f,"
                + "\"results_reads\":%d,\"results_quiet_p99_ms\":%.2f,\"results_cpu_ms\":%.2f,\"standing_ballots\":%d,\"counts_match\":%b,\"unit\":\"ms\",\"machine\":\"%d cores, load %.1f\"}",
            units.size(), ballots, changes, concurrency, schools, OPTIONS, perSecond, cpuPerBallot, warmCpuPerBallot, irvMs, closeMs, percentile(sorted, 50),
            percentile(sorted, 99), sorted.length, quiet.p99(), quiet.cpuMs(), standing.size(), match && sameWinner,
            Runtime.getRuntime().availableProcessors(), loadAverage());
    }

    private static List<Unit> units(ConfigurableApplicationContext context, int wanted) {
        AudienceResolver audiences = context.getBean(AudienceResolver.class);
        DirectoryQueries directory = context.getBean(DirectoryQueries.class);
        Set<String> seen = new HashSet<>();
        List<Unit> units = new ArrayList<>();
        audiences.resolve(Audience.trust(AudienceRole.CARERS))
            .concatMap(member -> directory.pupilsCaredFor(member.personId()).map(child -> new Unit(member.personId(), child.pupilId())))
            .filter(unit -> seen.add(unit.pupilId()))
            .take(wanted)
            .toIterable().forEach(units::add);
        Collections.shuffle(units, new Random(7));
        return units;
    }

    private static Decision openDecision(DecisionManagement management) {
        List<DecisionOption> options = new ArrayList<>();
        for (int i = 0; i < OPTIONS; i++) {
            options.add(new DecisionOption("o" + i, Map.of("en", "Option " + (char) ('A' + i))));
        }
        DecisionDraft draft = new DecisionDraft(Map.of("en", "How should the trust spend its fund?"), null, options, Method.RANKED_IRV,
            null, RankingRules.DEFAULT, Audience.trust(AudienceRole.CARERS), BallotUnit.PER_CHILD, Anonymity.NAMED, false,
            null, Instant.now().plus(Duration.ofDays(1)), null, null);
        CurrentUser leader = new CurrentUser("bench-leader", "bench-leader", null, Set.of(Role.TRUST_LEADER));
        return management.create(leader, draft, "bench").block();
    }

    /** A ranking of 1-10 options; earlier options a little more popular, so the count takes several rounds. */
    private static Mono<Integer> cast(WebClient web, BenchTokens tokens, String decisionId, Unit unit, Random random) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < OPTIONS; i++) {
            options.add("o" + i);
        }
        Map<String, Double> keys = new HashMap<>();
        options.forEach(option -> keys.put(option, random.nextDouble() + (option.charAt(1) - '0') * 0.03));
        options.sort(java.util.Comparator.comparing(keys::get));
        List<String> ranking = options.subList(0, 1 + random.nextInt(OPTIONS));
        String key = Long.toHexString(random.nextLong());
        return web.post().uri("/api/v1/decisions/{id}/ballots", decisionId)
            .header("Authorization", tokens.bearer(unit.carerId())).header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("unit", unit.pupilId(), "ranking", ranking))
            .exchangeToMono(response -> response.statusCode().is2xxSuccessful() ? response.releaseBody().thenReturn(response.statusCode().value())
                : response.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> Mono.error(new IllegalStateException(
                    "ballot refused " + response.statusCode() + ": " + body))))
            .retryWhen(Retry.backoff(3, Duration.ofMillis(100)).filter(failure -> !(failure instanceof IllegalStateException)));
    }

    private static double irvCount(Decision decision, List<RankedBallot> standing) {
        double[] runs = Bench.timed(7, run -> InstantRunoff.count(decision.ranking().irvRules(decision.optionIds()), standing));
        double median = percentile(runs, 50);
        progress(String.format(Locale.ROOT, "instant-runoff count of %d ballots in memory: median %.1f ms of 7 (slowest %.1f)", standing.size(), median, runs[runs.length - 1]));
        return median;
    }

    /** The live first preferences and ballot count equal a recount from the standing ballots. */
    private static boolean liveEqualsRecount(ConfigurableApplicationContext context, Decision decision, List<RankedBallot> standing) {
        Map<String, Long> recount = firstPreferences(standing);
        Map<String, Long> live = new HashMap<>();
        context.getBean(LiveTallies.class).cells(decision.id()).toIterable().forEach(cell -> {
            Document k = cell.get("k", Document.class);
            Document first = k.get("o", Document.class);
            if (first != null) {
                first.forEach((option, n) -> live.merge(option, ((Number) n).longValue(), Long::sum));
            }
            live.merge("n", ((Number) k.get("n")).longValue(), Long::sum);
        });
        long liveBallots = live.getOrDefault("n", 0L);
        live.remove("n");
        live.values().removeIf(n -> n == 0);
        boolean match = live.equals(recount) && liveBallots == standing.size();
        progress("live counters " + live + " (" + liveBallots + " ballots) vs recount " + recount + " (" + standing.size() + "): " + match);
        return match;
    }

    /** The results a voter is shown (from the running totals) hold the recount's first preferences and ballots. */
    @SuppressWarnings("unchecked")
    private static boolean shownEqualsRecount(WebClient web, String bearer, Decision decision, List<RankedBallot> standing) {
        Map<String, Object> shown = web.get().uri("/api/v1/decisions/{id}/results", decision.id()).header("Authorization", bearer)
            .retrieve().bodyToMono(Map.class).block(Duration.ofSeconds(30));
        Map<String, Long> firsts = new HashMap<>();
        ((Map<String, Number>) ((Map<String, Object>) shown.get("figures")).get("firstPreferences"))
            .forEach((option, n) -> firsts.put(option, n.longValue()));
        firsts.values().removeIf(n -> n == 0);
        Map<String, Long> recount = firstPreferences(standing);
        boolean match = firsts.equals(recount) && ((Number) shown.get("ballots")).longValue() == standing.size();
        progress("results shown " + firsts + " (" + shown.get("ballots") + " ballots): " + (match ? "equal" : "NOT equal") + " to the recount");
        return match;
    }

    private static Map<String, Long> firstPreferences(List<RankedBallot> standing) {
        Map<String, Long> recount = new HashMap<>();
        standing.forEach(ballot -> recount.merge(ballot.rankings().get(0).get(0), 1L, Long::sum));
        return recount;
    }

    private static void progress(String message) {
        BENCH.progress(message);
    }
}
