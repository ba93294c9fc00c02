package app.chorus.platform.replicas;

import app.chorus.notifications.standin.Deliveries;
import app.chorus.notifications.standin.FcmStandIn;
import app.chorus.testing.bench.Bench;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code ./chorus bench replicas}: the store in its own process, K api instances ({@link ReplicaApi}) and two gateways
 * balancing across them, on loopback. For K = 1, 2, 3: a push fan-out to {@code --devices} devices (counted at the
 * FCM stand-in) and a survey rush of {@code --responses} answers through the gateways, with the CPU per push and per
 * answer of the api instances and the store together. Then a run with 3 instances where the last is killed with
 * SIGKILL halfway: missing pushes, raw repeats and their collapse ids, tallies against a full recount, and the
 * requests that failed at a gateway (before the client's retry) against the moment of the kill. Progress on
 * stderr; the last stdout line is one JSON object.
 */
public final class ReplicasBenchmark {

    private static final Bench BENCH = new Bench("replicas");
    private static final int IN_FLIGHT_LIMIT = 3 * 500;
    /**
     * The production api's heap (k8s: a 1536Mi limit, 75% of it for the heap): at the sizes the first instance
     * imports a 100,000-pupil trust in one file set, which 512m could not hold.
     */
    private static final String API_HEAP = "-Xmx1152m";
    private static final int SETTLED_JIT_PERCENT = 5;
    private static final int MOST_WARM_UP_ROUNDS = 8;

    private final int devices;
    private final int responses;
    private final int concurrency;
    private final int basePort;
    private final Path work;
    private final BenchIssuer issuer;
    private final HttpClient http = HttpClient.newHttpClient();
    private final FcmStandIn fcm;
    private final List<Child> apis = new ArrayList<>();
    private final List<String> tokens;
    private final List<String[]> units;
    private Child store;

    private ReplicasBenchmark(String[] args, Path work) throws Exception {
        this.devices = Bench.option(args, "--devices", 200_000);
        this.responses = Bench.option(args, "--responses", 100_000);
        this.concurrency = Bench.option(args, "--concurrency", 32);
        this.basePort = Bench.option(args, "--base-port", 22100);
        this.work = work;
        this.issuer = new BenchIssuer(basePort);
        this.fcm = FcmStandIn.start("127.0.0.1", basePort + 2, FcmStandIn.Faults.NONE);
        startStore();
        Child first = startApi(Bench.option(args, "--schools", 20));
        BENCH.progress("registering %d devices and choosing %d (carer, child) pairs ...", devices, responses);
        first.command("devices " + work + " " + devices, Duration.ofMinutes(10));
        first.command("units " + work + " " + responses, Duration.ofMinutes(10));
        this.tokens = Files.readAllLines(work.resolve("tokens.txt"));
        this.units = Files.readAllLines(work.resolve("units.txt")).stream().map(line -> line.split(" ")).toList();
        issuer.signAhead(units.stream().map(unit -> unit[0]).distinct().toList());
        BENCH.progress("%d devices, %d answers to give", tokens.size(), units.size());
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("chorus-bench-replicas-");
        List<Integer> sizes = Arrays.stream(Bench.option(args, "--instances", "1,2,3").split(","))
            .map(Integer::parseInt).sorted().toList();
        String json;
        ReplicasBenchmark bench = new ReplicasBenchmark(args, work);
        try {
            List<Run> runs = new ArrayList<>();
            for (int instances : sizes) {
                runs.add(bench.measure(instances, false));
            }
            Run killed = bench.measure(3, true);
            json = bench.json(runs, killed);
        } finally {
            bench.close();
        }
        BENCH.progress("logs of every process: %s", work);
        BENCH.result(json);
    }

    /** One run's figures; the kill figures are null in runs without a kill. */
    record Run(int instances, double pushesPerS, double cpuMsPerPush, double responsesPerS, double cpuMsPerResponse,
               double gatewayCpuMsPerResponse, Split split, long missing, long rawRepeats, long visibleRepeats, boolean sameCollapseId,
               String recount, SurveyRush.Outcome rush, Kill kill) {
    }

    /**
     * What was in flight on the killed instance: the unkeyed answers its server had read (traced), and the exchanges
     * the gateways logged as lost with it ("cannot be retried": the request was sent; keyed ones are repeated).
     */
    record Kill(int unkeyedRead, long lostAtTheGateways) {

        static final Kill NONE = new Kill(0, 0);
    }

    /**
     * Of the apis' and the store's CPU: the store's share per push and per answer, what they use idle (ms per s), and
     * the store commands the apis sent per answer (fewer answers per instance share fewer writes: ADR 0087), and the
     * apis' JIT compilers' share per push and per answer (what the warm-up left to compile).
     */
    record Split(double storeCpuMsPerPush, double storeCpuMsPerResponse, double idleCpuMsPerS, double commandsPerResponse,
                 double jitCpuMsPerPush, double jitCpuMsPerResponse) {

        static final Split NONE = new Split(0, 0, 0, 0, 0, 0);
    }

    private Run measure(int instances, boolean kill) throws Exception {
        while (apis.size() < instances) {
            startApi(0);
        }
        while (apis.size() > instances) {
            apis.remove(apis.size() - 1).close();
        }
        List<Child> gateways = startGateways();
        try {
            BENCH.progress("%d api instance(s)%s: fan-out to %d devices and %d answers through 2 gateways", instances,
                kill ? ", the last killed halfway" : "", tokens.size(), units.size());
            if (kill) {
                warmGateways(gateways);
            } else {
                warmUp(gateways);
            }
            requireStore();
            fcm.deliveries().reset();
            String survey = apis.get(0).command("survey", Duration.ofMinutes(2));
            String announcement = "ann-replicas-" + instances + (kill ? "-kill-" : "-") + UUID.randomUUID();
            SurveyRush rush = new SurveyRush(gateways.stream().map(g -> url(g)).toList(), issuer, concurrency);
            Run run = kill ? killHalfway(announcement, survey, rush, gateways) : oneAfterTheOther(announcement, survey, rush, gateways);
            requireStore();
            BENCH.progress("  %s", run);
            if (!kill) {
                forget(announcement, survey);
            }
            return run;
        } finally {
            for (Child gateway : gateways) {
                gateway.close();
            }
        }
    }

    /**
     * Each K's instances get the JIT's attention before anything is counted (new instances start cold; ADR 0091): rounds
     * of a fan-out to every device and answers to a survey of their own (half the answers first, a tenth after), each
     * followed by quiet, until the apis' JIT compiled for under {@value #SETTLED_JIT_PERCENT}% of their CPU in a round
     * (at least two rounds, at most {@value #MOST_WARM_UP_ROUNDS}). On 2 cores a new instance's hot paths wait minutes
     * for the compiler, and a count measured with its instances still compiling charges the JIT to the sharing.
     */
    private void warmUp(List<Child> gateways) throws Exception {
        for (int round = 1; round <= MOST_WARM_UP_ROUNDS; round++) {
            double jitPercent = warmUpRound(gateways, round);
            BENCH.progress("  warm-up round %d: the apis' JIT compiled for %.1f%% of their CPU", round, jitPercent);
            if (round >= 2 && jitPercent < SETTLED_JIT_PERCENT) {
                return;
            }
        }
        BENCH.progress("  the apis' JIT had not settled after %d warm-up rounds: the figures include some of it (jit_* below)",
            MOST_WARM_UP_ROUNDS);
    }

    /** One warm-up round, its traces deleted after; the percentage of the apis' CPU their JIT used in it. */
    private double warmUpRound(List<Child> gateways, int round) throws Exception {
        List<String[]> some = units.subList(0, Math.max(1, units.size() / (round == 1 ? 2 : 10)));
        long cpu0 = cpu(apis);
        long jit0 = jit(apis);
        BENCH.progress("  warm-up round %d: a fan-out to every device and %d answers to another survey (not counted)",
            round, some.size());
        fcm.deliveries().reset();
        String announcement = "ann-replicas-warm-up-" + UUID.randomUUID();
        apis.get(0).command("fan-out " + announcement, Duration.ofMinutes(2));
        awaitEveryDevice(Duration.ofMinutes(20));
        forget(announcement, answerAnotherSurvey(gateways, some));
        return 100.0 * (jit(apis) - jit0) / Math.max(1, cpu(apis) - cpu0);
    }

    /**
     * Answers from {@code some} units to a new survey of their own, through the gateways, then until all is quiet;
     * the survey's id.
     */
    private String answerAnotherSurvey(List<Child> gateways, List<String[]> some) throws Exception {
        String survey = apis.get(0).command("survey", Duration.ofMinutes(2));
        new SurveyRush(gateways.stream().map(g -> url(g)).toList(), issuer, concurrency)
            .run(survey, some, concurrency, done -> progressEvery(done, some.size()));
        awaitQuiet();
        return survey;
    }

    /**
     * Deletes a fan-out's and a survey's traces once counted, then until all is quiet: every instance count starts on a
     * store holding the same documents, not every earlier count's 150,000 answers and two fan-outs' batches (the
     * embedded store keeps them all in memory), so a larger count is not charged for a larger store.
     */
    private void forget(String announcement, String survey) throws Exception {
        String answers = forgetSurvey(survey);
        String pushes = apis.get(0).command("forget-fan-out " + announcement, Duration.ofMinutes(10));
        awaitQuiet();
        BENCH.progress("  deleted what was counted: %s answers, marks and tally cells; %s batches, targets and jobs",
            answers, pushes);
    }

    /** Deletes a survey's answers, marks and tally cells; how many went. */
    private String forgetSurvey(String survey) throws Exception {
        return apis.get(0).command("forget-survey " + survey, Duration.ofMinutes(10));
    }

    /**
     * Until the apis and the store together use under a tenth of a core for a second (at most 30 s): the work before
     * (delivered receipts, tally sweeps) is counted with what caused it, not with what comes next.
     */
    private void awaitQuiet() {
        for (int second = 0; second < 30; second++) {
            long before = cpu(apisAndStore());
            Bench.sleep(1_000);
            if (cpu(apisAndStore()) - before < 100_000_000L) {
                return;
            }
        }
    }

    /** What the apis and the store use with nothing to do (their polls and sweeps), over 5 s: ms of CPU per second. */
    private double idleCpuMsPerSecond() {
        long before = cpu(apisAndStore());
        Bench.sleep(5_000);
        return (cpu(apisAndStore()) - before) / 1e6 / 5;
    }

    private Run oneAfterTheOther(String announcement, String survey, SurveyRush rush, List<Child> gateways) throws Exception {
        double idle = idleCpuMsPerSecond();
        long cpu0 = cpu(apisAndStore());
        long store0 = store.cpuNanos();
        long jit0 = jit(apis);
        long t0 = System.nanoTime();
        apis.get(0).command("fan-out " + announcement, Duration.ofMinutes(2));
        awaitEveryDevice(Duration.ofMinutes(20));
        double fanOutSeconds = (System.nanoTime() - t0) / 1e9;
        awaitQuiet();
        long cpu1 = cpu(apisAndStore());
        long store1 = store.cpuNanos();
        long jit1 = jit(apis);
        long gateway0 = cpu(gateways);
        Map<String, Double> commands0 = storeCommands();
        SurveyRush.Outcome outcome = rush.run(survey, units, concurrency, done -> progressEvery(done, units.size()));
        awaitQuiet();
        long cpu2 = cpu(apisAndStore());
        Map<String, Double> perAnswer = perAnswer(commands0, storeCommands());
        BENCH.progress("  store commands per answer: %s", perAnswer.entrySet().stream().filter(kind -> kind.getValue() >= 0.005)
            .map(kind -> String.format(Locale.ROOT, "%s %.2f", kind.getKey(), kind.getValue())).collect(Collectors.joining(", ")));
        Split split = new Split((store1 - store0) / 1e6 / tokens.size(), (store.cpuNanos() - store1) / 1e6 / units.size(), idle,
            perAnswer.values().stream().mapToDouble(Double::doubleValue).sum(), (jit1 - jit0) / 1e6 / tokens.size(),
            (jit(apis) - jit1) / 1e6 / units.size());
        return figures(apis.size(), tokens.size() / fanOutSeconds, (cpu1 - cpu0) / 1e6 / tokens.size(),
            outcome.recorded() / outcome.seconds(), (cpu2 - cpu1) / 1e6 / units.size(),
            (cpu(gateways) - gateway0) / 1e6 / units.size(), split, survey, outcome, Kill.NONE);
    }

    /**
     * Fan-out and answers together; the last instance is killed once half the pushes are accepted (or the answers are
     * half given) and an answer without an {@code Idempotency-Key} is in flight on it ({@link UnkeyedAnswers}), so that
     * the run shows what a gateway does with a write it cannot repeat.
     */
    private Run killHalfway(String announcement, String survey, SurveyRush rush, List<Child> gateways) throws Exception {
        Child victim = apis.get(apis.size() - 1);
        victim.command("trace-unkeyed", Duration.ofMinutes(1));
        AtomicLong answered = new AtomicLong();
        CompletableFuture<SurveyRush.Outcome> answers = CompletableFuture.supplyAsync(
            () -> rush.run(survey, units, concurrency, done -> {
                answered.set(done);
                progressEvery(done, units.size());
            }));
        apis.get(0).command("fan-out " + announcement, Duration.ofMinutes(2));
        while (fcm.deliveries().accepted() < tokens.size() / 2 && answered.get() < units.size() / 2 && !answers.isDone()) {
            Bench.sleep(20);
        }
        while (victim.unkeyedInFlight().isEmpty() && !answers.isDone()) {
            Bench.sleep(1);
        }
        int victimPort = apiPort(apis.size());
        long sigkill = System.nanoTime();
        rush.killed();
        victim.kill();
        rush.gone();
        apis.remove(victim);
        Set<String> inFlight = victim.unkeyedInFlight();
        BENCH.progress("  killed %s (SIGKILL) at %d pushes accepted, %d answers given, %d unkeyed answers in flight on it;"
                + " the process was gone %d ms after the SIGKILL", victim.name(), fcm.deliveries().accepted(), answered.get(),
            inFlight.size(), (System.nanoTime() - sigkill) / 1_000_000);
        awaitEveryDevice(Duration.ofMinutes(20));
        SurveyRush.Outcome outcome = answers.get();
        return figures(3, 0, 0, 0, 0, 0, Split.NONE, survey, outcome,
            new Kill(inFlight.size(), lostWith(gateways, victimPort)));
    }

    /** The exchanges with the api on {@code port} that the gateways' logs (Reactor Netty) say were lost once sent. */
    private long lostWith(List<Child> gateways, int port) throws Exception {
        long lost = 0;
        for (Child gateway : gateways) {
            try (var lines = Files.lines(work.resolve(gateway.name() + ".log"))) {
                lost += lines.filter(line -> line.contains("127.0.0.1:" + port + "]") && line.contains("cannot be retried"))
                    .count();
            }
        }
        return lost;
    }

    private Run figures(int instances, double pushesPerS, double cpuPerPush, double responsesPerS, double cpuPerResponse,
                        double gatewayCpuPerResponse, Split split, String survey, SurveyRush.Outcome outcome,
                        Kill kill) throws Exception {
        Deliveries deliveries = fcm.deliveries();
        long missing = 0;
        long raw = 0;
        boolean sameCollapseId = true;
        for (String token : tokens) {
            int received = deliveries.received(token);
            missing += received == 0 ? 1 : 0;
            if (received > 1) {
                raw += received - 1;
                sameCollapseId &= deliveries.received(token, deliveries.lastPush(token).collapseId()) == received;
            }
        }
        long visible = ((Number) deliveries.counts().get("visibleRepeats")).longValue();
        String recount = recount(survey);
        return new Run(instances, pushesPerS, cpuPerPush, responsesPerS, cpuPerResponse, gatewayCpuPerResponse, split, missing,
            raw, visible, sameCollapseId, recount, outcome, kill);
    }

    /**
     * The full recount, again every 5 s for up to a minute while it differs: a submission the gateway gave up on (its
     * timeout) may still be finishing in the api, and an interrupted one is finished by the api's sweep.
     */
    private String recount(String survey) throws InterruptedException {
        String recount = apis.get(0).command("recount " + survey, Duration.ofMinutes(10));
        for (int i = 0; i < 12 && !recount.endsWith("match=true"); i++) {
            Bench.sleep(5_000);
            recount = apis.get(0).command("recount " + survey, Duration.ofMinutes(10));
        }
        return recount;
    }

    private void awaitEveryDevice(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Deliveries deliveries = fcm.deliveries();
        while (System.nanoTime() < deadline && tokens.stream().anyMatch(token -> deliveries.received(token) == 0)) {
            Bench.sleep(200);
        }
    }

    private static void progressEvery(long done, int of) {
        if (done % Math.max(1, of / 10) == 0) {
            BENCH.progress("  %d / %d answers", done, of);
        }
    }

    /**
     * The kill run's gateways are new (they must list the three instances) and the instances already warm: a few
     * answers through them first, so that a cold gateway timing out its first calls (and opening its breaker) is not
     * mistaken for what the kill did.
     */
    private void warmGateways(List<Child> gateways) throws Exception {
        List<String[]> few = units.subList(0, Math.max(1, Math.min(2_000, units.size() / 5)));
        BENCH.progress("  warming the new gateways: %d answers to another survey (not counted)", few.size());
        forgetSurvey(answerAnotherSurvey(gateways, few));
        awaitQuiet();
    }

    /** A store that died (out of memory, say) makes every later figure meaningless: stop there and say so. */
    private void requireStore() {
        if (!store.alive()) {
            throw new IllegalStateException("the store process stopped during the run (see store.log in the benchmark's "
                + "folder): its figures are void; give it more memory in startStore or run smaller sizes");
        }
    }

    private void startStore() throws Exception {
        // the embedded store holds every document in memory: a 100,000-pupil trust, its 200,000 devices, and a fan-out's batches
        // and answers until counted (4g ran out at the second instance count before they were deleted once
        // counted); its garbage collections' CPU is in store-gc.log
        store = Child.store(work, basePort + 1, List.of("-Xmx12g", "-XX:+ExitOnOutOfMemoryError",
            "-Xlog:gc,gc+cpu:file=" + work.resolve("store-gc.log")));
    }

    /** The next api instance; the first seeds a trust of {@code schools} schools with a pupil per answer. */
    private Child startApi(int schools) throws Exception {
        int number = apis.size() + 1;
        List<String> command = new ArrayList<>(List.of(Child.java(), API_HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
            ReplicaApi.class.getName(), "--server.port=" + apiPort(number),
            "--spring.mongodb.uri=mongodb://127.0.0.1:" + (basePort + 1) + "/chorus",
            "--chorus.push.stand-in-url=" + fcm.url(), "--chorus.push.lease=10s",
            "--chorus.identity.issuer-uri=" + issuer.issuer(), "--chorus.secrets.dev-dir=" + work.resolve("secrets"),
            // the surveys' periodic work at its production cadence: the kill run's recount relies on its recovery (ADR 0407)
            "--logging.level.root=WARN", "--logging.level.app.chorus=INFO"));
        if (schools > 0) {
            command.addAll(List.of("--chorus.demo.seed-on-first-start=true", "--chorus.demo.schools=" + schools,
                "--chorus.demo.pupils=" + responses));
        }
        BENCH.progress("starting api-%d%s ...", number, schools > 0 ? " (seeding the trust: minutes)" : "");
        Child api = Child.start("api-" + number + "-" + UUID.randomUUID().toString().substring(0, 4), command, work);
        api.await("REPLICA-API ready", Duration.ofMinutes(20));
        apis.add(api);
        return api;
    }

    private List<Child> startGateways() throws Exception {
        String classpath = System.getProperty("chorus.bench.gateway-classpath");
        if (classpath == null) {
            throw new IllegalStateException("-Dchorus.bench.gateway-classpath is not set: run it as ./chorus bench replicas");
        }
        String apiUrls = apis.stream().map(api -> "http://127.0.0.1:" + apiPort(apis.indexOf(api) + 1))
            .collect(Collectors.joining(","));
        List<Child> gateways = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            gateways.add(Child.start("gateway-" + i + "-" + apis.size() + "-" + UUID.randomUUID().toString().substring(0, 4),
                List.of(Child.java(), "-Xmx384m", "-cp", classpath, "app.chorus.gateway.MobileGatewayApplication",
                    "--server.port=" + (basePort + 20 + i), "--chorus.gateway.api-urls=" + apiUrls,
                    "--chorus.gateway.issuer-uri=" + issuer.issuer(),
                    "--chorus.gateway.rate-limits.store-uri=mongodb://127.0.0.1:" + (basePort + 1) + "/chorus",
                    "--logging.level.root=WARN"), work));
        }
        for (Child gateway : gateways) {
            awaitReady(gateway);
        }
        return gateways;
    }

    private void awaitReady(Child gateway) throws Exception {
        URI health = URI.create(url(gateway) + "/actuator/health/readiness");
        for (int waited = 0; waited < 600; waited++) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            if (!gateway.alive()) {
                throw new IllegalStateException(gateway.name() + " stopped: see its log in " + work);
            }
            Bench.sleep(1_000);
        }
        throw new IllegalStateException(gateway.name() + " not ready in 10 minutes");
    }

    private String url(Child gateway) {
        return "http://127.0.0.1:" + (basePort + 20 + Integer.parseInt(gateway.name().split("-")[1]));
    }

    private List<Child> apisAndStore() {
        List<Child> all = new ArrayList<>(apis);
        all.add(store);
        return all;
    }

    /** The port of api instance {@code number} (from 1). */
    private int apiPort(int number) {
        return basePort + 10 + number;
    }

    /** The store commands the apis' drivers have sent so far (their {@code mongodb.driver.commands} timers), by kind. */
    private Map<String, Double> storeCommands() throws Exception {
        Map<String, Double> commands = new TreeMap<>();
        for (int number = 1; number <= apis.size(); number++) {
            HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort(number) + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).build();
            http.send(scrape, HttpResponse.BodyHandlers.ofLines()).body()
                .filter(line -> line.startsWith("mongodb_driver_commands_seconds_count"))
                .forEach(line -> commands.merge(label(line, "command") + " " + label(line, "collection"),
                    Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum));
        }
        return commands;
    }

    private static String label(String line, String name) {
        Matcher value = Pattern.compile(name + "=\"([^\"]*)\"").matcher(line);
        return value.find() ? value.group(1) : "?";
    }

    /** The commands of each kind ("find people") sent between two scrapes, per answer, the most sent first. */
    private Map<String, Double> perAnswer(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> perAnswer = new LinkedHashMap<>();
        after.entrySet().stream()
            .map(kind -> Map.entry(kind.getKey(), (kind.getValue() - before.getOrDefault(kind.getKey(), 0.0)) / units.size()))
            .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
            .forEach(kind -> perAnswer.put(kind.getKey(), kind.getValue()));
        return perAnswer;
    }

    private static long cpu(List<Child> children) {
        return children.stream().mapToLong(Child::cpuNanos).sum();
    }

    private static long jit(List<Child> children) {
        return children.stream().mapToLong(Child::jitCpuNanos).sum();
    }

    private String json(List<Run> runs, Run killed) {
        Run one = runs.stream().filter(run -> run.instances() == 1).findFirst().orElse(runs.get(0));
        Run three = runs.stream().filter(run -> run.instances() == 3).findFirst().orElse(runs.get(runs.size() - 1));
        String perInstances = runs.stream().map(run -> String.format(Locale.ROOT,
            "{\"instances\":%d,\"pushes_per_s\":%.0f,\"cpu_ms_per_push\":%.3f,\"responses_per_s\":%.0f,"
                + "\"cpu_ms_per_response\":%.2f,\"gateway_cpu_ms_per_response\":%.2f,\"store_cpu_ms_per_push\":%.3f,"
                + "\"store_cpu_ms_per_response\":%.2f,\"idle_cpu_ms_per_s\":%.0f,\"store_commands_per_response\":%.2f,"
                + "\"jit_cpu_ms_per_push\":%.3f,\"jit_cpu_ms_per_response\":%.2f,"
                + "\"missing\":%d,\"tallies\":\"%s\","
                + "\"failed_requests\":%d}",
            run.instances(), run.pushesPerS(), run.cpuMsPerPush(), run.responsesPerS(), run.cpuMsPerResponse(),
            run.gatewayCpuMsPerResponse(), run.split().storeCpuMsPerPush(), run.split().storeCpuMsPerResponse(),
            run.split().idleCpuMsPerS(), run.split().commandsPerResponse(), run.split().jitCpuMsPerPush(),
            run.split().jitCpuMsPerResponse(), run.missing(), run.recount(),
            run.rush().failedRequests()))
            .collect(Collectors.joining(",", "[", "]"));
        SurveyRush.Outcome rush = killed.rush();
        boolean talliesMatch = killed.recount().equals("respondents=" + units.size() + " match=true");
        return String.format(Locale.ROOT,
            "{\"bench\":\"replicas\",\"devices\":%d,\"responses\":%d,\"concurrency\":%d,\"runs\":%s,"
                + "\"cpu_per_push_3_vs_1\":%.2f,\"cpu_per_response_3_vs_1\":%.2f,"
                + "\"missing\":%d,\"raw_repeats\":%d,\"in_flight_limit\":%d,\"repeats_same_collapse_id\":%b,"
                + "\"visible_repeats\":%d,\"tallies_match\":%b,\"recount\":\"%s\",\"failed_requests\":%d,"
                + "\"failed_keyed_requests\":%d,\"unkeyed_answers_read_by_the_killed_instance\":%d,"
                + "\"exchanges_lost_with_the_killed_instance\":%d,\"failed_requests_started_after_the_kill\":%d,"
                + "\"failed_requests_started_after_the_instance_was_gone\":%d,"
                + "\"failed_requests_not_in_flight_at_the_kill\":%d,"
                + "\"every_failed_request_in_flight_at_the_kill\":%b,\"answers_recorded_by_the_killed_instance\":%d,"
                + "\"answers_not_recorded\":%d,\"machine\":\"%d cores, shared\",\"unit\":\"pushes/s, responses/s, CPU ms\"}",
            tokens.size(), units.size(), concurrency, perInstances, three.cpuMsPerPush() / one.cpuMsPerPush(),
            three.cpuMsPerResponse() / one.cpuMsPerResponse(), killed.missing(), killed.rawRepeats(), IN_FLIGHT_LIMIT,
            killed.sameCollapseId(), killed.visibleRepeats(), talliesMatch, killed.recount(), rush.failedRequests(),
            rush.failedKeyed(), killed.kill().unkeyedRead(), killed.kill().lostAtTheGateways(), rush.failedAfterTheKill(),
            rush.failedAfterItWasGone(), rush.failedOutsideTheKill(),
            rush.failedOutsideTheKill() == 0 && rush.failedRequests() <= killed.kill().lostAtTheGateways(),
            rush.recordedByTheKilled(), rush.notRecorded(), Runtime.getRuntime().availableProcessors());
    }

    private void close() throws Exception {
        for (Child api : apis) {
            api.close();
        }
        if (store != null) {
            store.close();
        }
        fcm.close();
        issuer.close();
    }
}
