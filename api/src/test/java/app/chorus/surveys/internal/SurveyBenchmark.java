package app.chorus.surveys.internal;

import app.chorus.ChorusApplication;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.surveys.Anonymity;
import app.chorus.testing.bench.Bench;
import app.chorus.testing.bench.Bench.Latency;
import app.chorus.testing.bench.Bench.Round;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

/**
 * {@code ./chorus bench survey}: starts the whole api in-process on the embedded store (journaled, as in
 * production without MONGODB_URI), seeds a trust with one pupil per wanted response through the real OneRoster
 * importer, opens a trust-wide ten-question carer survey and submits through the service layer
 * ({@link SurveyResponding#submit(String, String, String, java.util.Map, String)}: survey read, eligibility from the
 * directory, validation, participation mark, response, tally, as an HTTP request does after authentication) with
 * {@code --concurrency} clients. HTTP with real tokens would measure Keycloak's password grant, not surveys.
 * Results are read through {@link SurveyResults} (the school comparison: every school beside the trust) at 1,000
 * responses and at the end. Progress on stderr; the last stdout line is one JSON object.
 */
public final class SurveyBenchmark {

    private static final int READS = 400;
    private static final Bench BENCH = new Bench("survey");

    private SurveyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int responses = Bench.option(args, "--responses", 100_000);
        int concurrency = Bench.option(args, "--concurrency", 64);
        int schools = Bench.option(args, "--schools", 100);
        String dataDir = Files.createTempDirectory("chorus-bench-survey-").toString();
        progress("starting the api in-process; seeding " + schools + " schools, " + responses + " pupils (a few minutes) ...");
        long t0 = System.nanoTime();
        // command-line arguments, not default properties: application.yml sets chorus.demo.* and would win over those
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ChorusApplication.class).run(
            "--server.port=0", "--chorus.store.port=0", "--chorus.store.data-dir=" + dataDir,
            "--chorus.demo.seed-on-first-start=true", "--chorus.demo.schools=" + schools, "--chorus.demo.pupils=" + responses,
            "--chorus.surveys.background-every=1h", "--logging.level.root=WARN", "--logging.level.de.bwaldvogel=ERROR",
            "--spring.main.banner-mode=off");
        progress("api ready in " + ms(t0) + " ms");
        String figures;
        try {
            figures = run(context, responses, concurrency, schools, ms(t0));
        } finally {
            context.close();
            Bench.deleteQuietly(java.nio.file.Path.of(dataDir));
        }
        BENCH.result(figures);
    }

    /** Runs the measurements and returns the JSON line (printed after shutdown, so it is the last line). */
    private static String run(ConfigurableApplicationContext context, int wanted, int concurrency, int schools, long startMs) {
        SurveyStore store = context.getBean(SurveyStore.class);
        SurveyResponding responding = context.getBean(SurveyResponding.class);
        SurveyResults results = context.getBean(SurveyResults.class);
        Tallies tallies = context.getBean(Tallies.class);
        List<String[]> units = childUnits(context.getBean(AudienceResolver.class), wanted);
        progress(units.size() + " children to answer for");
        CellMover mover = new CellMover(context.getBean(ReactiveMongoTemplate.class), tallies);
        int warmupResponses = warmUp(responding, results, openSurvey(store), units, concurrency, mover);
        Survey survey = openSurvey(store);

        int first = Math.min(1_000, units.size());
        submit(responding, survey.id(), units.subList(0, first), concurrency);
        int settled1k = settle();
        Latency at1k = readLatencies(results, survey, Read.SERVED, mover);
        Latency compute1k = readLatencies(results, survey, Read.COMPUTED, mover);
        Latency moved1k = readLatencies(results, survey, Read.AFTER_A_CELL_MOVED, mover);
        report("results", first, at1k, compute1k, moved1k);
        int cells1k = mover.cellsOf(survey).size();

        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        submit(responding, survey.id(), units.subList(first, units.size()), concurrency);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = (units.size() - first) / seconds;
        double cpuMsPerResponse = (processCpuNanos() - cpu0) / 1e6 / (units.size() - first);
        progress(String.format(Locale.ROOT, "ingested %d responses in %.1f s: %.0f responses/s (%.2f ms of CPU each, load average %.1f)",
            units.size() - first, seconds, perSecond, cpuMsPerResponse, loadAverage()));

        int settledEnd = settle();
        Latency atEnd = readLatencies(results, survey, Read.SERVED, mover);
        Latency computeEnd = readLatencies(results, survey, Read.COMPUTED, mover);
        Latency movedEnd = readLatencies(results, survey, Read.AFTER_A_CELL_MOVED, mover);
        report("results", units.size(), atEnd, computeEnd, movedEnd);
        int cellsEnd = mover.cellsOf(survey).size();
        progress("tally cells read per results read: " + cells1k + " at " + first + " responses, " + cellsEnd + " at " + units.size());
        long respondents = results.results(survey, null).block().respondents();
        long t1 = System.nanoTime();
        boolean match = tallies.matchRecomputation(survey.id(), survey.questionnaire()).block();
        progress("full recomputation from " + respondents + " responses took " + ms(t1) + " ms; tallies match: " + match);

        return String.format(Locale.ROOT,
            "{\"bench\":\"survey\",\"responses\":%d,\"concurrency\":%d,\"schools\":%d,\"warmup_responses\":%d,"
                + "\"settled_before_reads_s\":[%d,%d],\"responses_per_s\":%.0f,"
                + "\"results_p50_ms_1k\":%.2f,\"results_p99_ms_1k\":%.2f,\"results_p50_ms_100k\":%.2f,\"results_p99_ms_100k\":%.2f,"
                + "\"results_compute_p50_ms_1k\":%.2f,\"results_compute_p99_ms_1k\":%.2f,"
                + "\"results_compute_p50_ms_100k\":%.2f,\"results_compute_p99_ms_100k\":%.2f,\"results_compute_cpu_ms_100k\":%.2f,"
                + "\"results_moved_p50_ms_1k\":%.2f,\"results_moved_p99_ms_1k\":%.2f,"
                + "\"results_moved_p50_ms_100k\":%.2f,\"results_moved_p99_ms_100k\":%.2f,\"results_moved_cpu_ms_100k\":%.2f,"
                + "\"growth_moved\":%.2f,\"cells_1k\":%d,\"cells_100k\":%d,"
                + "\"growth\":%.2f,\"tallies_match\":%b,\"respondents\":%d,\"recompute_ms\":%d,\"startup_and_seed_ms\":%d,"
                + "\"cpu_ms_per_response\":%.2f,\"responses_per_cpu_core_s\":%.0f,\"results_cpu_ms_100k\":%.2f,"
                + "\"load_average\":%.1f,"
                + "\"path\":\"service layer (no HTTP/Keycloak), embedded journaled store\",\"unit\":\"responses/s, ms\","
                + "\"machine\":\"%d-core, shared\"}",
            units.size(), concurrency, schools, warmupResponses, settled1k, settledEnd, perSecond, at1k.p50(), at1k.p99(), atEnd.p50(), atEnd.p99(),
            compute1k.p50(), compute1k.p99(), computeEnd.p50(), computeEnd.p99(), computeEnd.cpuMs(),
            moved1k.p50(), moved1k.p99(), movedEnd.p50(), movedEnd.p99(), movedEnd.cpuMs(), movedEnd.p99() / moved1k.p99(), cells1k, cellsEnd,
            computeEnd.p99() / compute1k.p99(),
            match && respondents == units.size(), respondents, ms(t1), startMs, cpuMsPerResponse, 1000 / cpuMsPerResponse,
            atEnd.cpuMs(), loadAverage(), Runtime.getRuntime().availableProcessors());
    }

    static Survey openSurvey(SurveyStore store) {
        Instant now = Instant.now();
        SurveyDraft draft = new SurveyDraft("Trust-wide parent survey", "Benchmark", Audience.trust(AudienceRole.CARERS),
            Anonymity.ANONYMOUS, false, null, null, BenchQuestionnaire.tenQuestions());
        Survey survey = Survey.draft("srv-bench-" + UUID.randomUUID(), draft, "stf-00001", now);
        survey.open(now);
        return store.insert(survey).block();
    }

    /**
     * A separate warm-up survey answered in rounds by the same children until the rate settles ({@link Bench#warmUp},
     * at most 20 rounds or every child once), then its results read, so that the measured survey meets a compiled server.
     */
    private static int warmUp(SurveyResponding responding, SurveyResults results, Survey warmup, List<String[]> units,
                              int concurrency, CellMover mover) {
        int round = Math.min(units.size(), Math.max(500, Math.min(5_000, units.size() / 10)));
        int rounds = BENCH.warmUp(20, n -> {
            int from = (n - 1) * round;
            if (from + round > units.size()) {
                return null;
            }
            long t0 = System.nanoTime();
            submit(responding, warmup.id(), units.subList(from, from + round), concurrency, false);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new Round(seconds, round / seconds);
        });
        int answered = rounds * round;
        for (Read read : Read.values()) {
            readLatencies(results, warmup, read, mover);
        }
        progress("warm-up done: " + answered + " responses to a separate survey, its results read " + 3 * (50 + READS) + " times");
        return answered;
    }

    /**
     * Waits until the work the submissions left behind is done (guards released a few seconds later, journal
     * writes): the process under 150 ms of CPU per second for 2 s running, at most 30 s. Reads are timed "at N
     * responses", not against the tail of the ingest.
     */
    private static int settle() {
        int quiet = 0;
        int waited = 0;
        try {
            while (quiet < 2 && waited < 30) {
                long cpu0 = processCpuNanos();
                Thread.sleep(1_000);
                waited++;
                quiet = (processCpuNanos() - cpu0) / 1e6 < 150 ? quiet + 1 : 0;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress("the api settled after " + waited + " s (ingest leftovers done); reading results ...");
        return waited;
    }

    /**
     * (carer, child) pairs, one per child, as many as wanted, in a fixed shuffled order: the directory lists pupils
     * school by school, and answers to a trust-wide survey arrive from every school at once, so the first 1,000 span
     * the trust (and the results read at 1,000 already compares the schools) rather than the first school or two.
     */
    static List<String[]> childUnits(AudienceResolver audiences, int wanted) {
        Set<String> seen = new HashSet<>();
        List<String[]> units = new ArrayList<>();
        audiences.resolve(Audience.trust(AudienceRole.CARERS)).collectList()
            .retryWhen(Retry.backoff(5, java.time.Duration.ofSeconds(2)).doBeforeRetry(retry -> progress("reading the audience again: " + retry.failure())))
            .block().forEach(member -> member.pupilIds().forEach(pupil -> {
            if (units.size() < wanted && seen.add(pupil)) {
                units.add(new String[] {member.personId(), pupil});
            }
        }));
        java.util.Collections.shuffle(units, new java.util.Random(20261125L));
        return units;
    }

    private static void submit(SurveyResponding responding, String surveyId, List<String[]> units, int concurrency) {
        submit(responding, surveyId, units, concurrency, true);
    }

    private static void submit(SurveyResponding responding, String surveyId, List<String[]> units, int concurrency,
                               boolean showProgress) {
        AtomicLong done = new AtomicLong();
        long step = Math.max(1, units.size() / 20);
        long t0 = System.nanoTime();
        long cpu0 = processCpuNanos();
        Flux.fromIterable(units)
            .flatMap(unit -> submitOnce(responding, surveyId, unit)
                .doOnNext(receipt -> {
                    if (done.incrementAndGet() % step == 0 && showProgress) {
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        progress(String.format(Locale.ROOT, "  %d / %d submitted, %.0f responses/s, %.2f ms of CPU each",
                            done.get(), units.size(), done.get() / seconds, (processCpuNanos() - cpu0) / 1e6 / done.get()));
                    }
                }), concurrency)
            .blockLast();
    }

    private static void report(String what, int responses, Latency served, Latency computed, Latency moved) {
        progress(String.format(Locale.ROOT, "%s at %d responses: served p50 %.2f ms, p99 %.2f ms (%.2f ms of CPU each); "
            + "fresh from the store p50 %.2f ms, p99 %.2f ms (%.2f ms of CPU each); "
            + "after a cell moved p50 %.2f ms, p99 %.2f ms (%.2f ms of CPU each)", what, responses,
            served.p50(), served.p99(), served.cpuMs(), computed.p50(), computed.p99(), computed.cpuMs(), moved.p50(), moved.p99(), moved.cpuMs()));
    }

    /**
     * One carer's submission; when the store connection fails (the shared machine can stall it past the driver's
     * timeouts) the client repeats it with the same Idempotency-Key, as the app does.
     */
    private static reactor.core.publisher.Mono<app.chorus.surveys.internal.SubmissionReceipt> submitOnce(
            SurveyResponding responding, String surveyId, String[] unit) {
        java.util.Map<String, Object> answers = BenchQuestionnaire.randomAnswers();
        String key = UUID.randomUUID().toString();
        return reactor.core.publisher.Mono.defer(() -> responding.submit(unit[0], surveyId, unit[1], answers, key))
            .retryWhen(Retry.backoff(8, java.time.Duration.ofSeconds(1)).maxBackoff(java.time.Duration.ofSeconds(10))
                .filter(failure -> failure instanceof com.mongodb.MongoException || failure instanceof app.chorus.shared.Problem problem
                    && "submission-in-progress".equals(problem.kind()))
                .doBeforeRetry(retry -> progress("repeating a submission after: " + retry.failure())));
    }

    /**
     * How a timed read meets the results: as served (a view reused until this instance counts another answer, at most a
     * second); fresh from the store (every cell's version read, the sums reused only when no cell moved: ADR 0094); or
     * right after one cell's version moved (that cell fetched, every cell summed again, the view rebuilt), which is
     * what each read costs while answers keep arriving.
     */
    enum Read { SERVED, COMPUTED, AFTER_A_CELL_MOVED }

    /** Moves one cell's write version (untimed, before a read), as a write from any instance does; counts unchanged. */
    private record CellMover(ReactiveMongoTemplate mongo, Tallies tallies) {

        List<String> cellsOf(Survey survey) {
            return tallies.cells(survey.id()).map(cell -> cell.cell().id(survey.id())).collectList().block();
        }

        void move(String cellId) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(cellId)), new Update().inc(Tallies.VERSION, 1L),
                Tallies.COLLECTION).block();
        }
    }

    /** p50 and p99 of reading the school comparison, and CPU per read, after 50 untimed reads. */
    private static Latency readLatencies(SurveyResults results, Survey survey, Read how, CellMover mover) {
        java.util.function.Supplier<ResultsView> read = () -> (how == Read.SERVED ? results.results(survey, Breakdown.SCHOOL)
            : results.compute(survey, Breakdown.SCHOOL)).block();
        List<String> cells = how == Read.AFTER_A_CELL_MOVED ? mover.cellsOf(survey) : List.of();
        int[] moved = {0};
        Runnable before = cells.isEmpty() ? () -> { } : () -> mover.move(cells.get(moved[0]++ % cells.size()));
        return Bench.latency(50, READS, before, () -> {
            if (read.get() == null) {
                throw new IllegalStateException("no results");
            }
        });
    }

    private static long ms(long since) {
        return Bench.ms(since);
    }

    private static long processCpuNanos() {
        return Bench.processCpuNanos();
    }

    private static double loadAverage() {
        return Bench.loadAverage();
    }

    private static void progress(String message) {
        BENCH.progress(message);
    }
}
