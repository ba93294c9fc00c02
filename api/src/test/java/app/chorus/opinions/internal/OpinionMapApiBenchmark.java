package app.chorus.opinions.internal;

import app.chorus.platform.replicas.Child;
import app.chorus.directory.Access;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.moderation.Visibility;
import app.chorus.opinions.math.OpinionMapUpdater;
import app.chorus.opinions.math.Vote;
import app.chorus.testing.bench.Bench;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;

/**
 * {@code ./chorus bench opinion-map --api}: the api's side of the opinion map on the embedded store in its own process (fsync off). A
 * planted conversation (3 camps, each participant voting on a share of the statements with their camp 80% of the
 * time) is stored, then: the time to load it back as after a restart (reading the votes, and reading plus replaying
 * them, which stores a checkpoint), the time to load it again from that checkpoint, and the map read p99 (snapshot, statement texts and the caller's view)
 * while votes arrive at 1,000/s through the same store-then-queue path as the api. Progress on stderr, one JSON line.
 */
public final class OpinionMapApiBenchmark {

    private static final String CONVERSATION = "bench";
    private static final Bench BENCH = new Bench("opinion-map-api");

    private OpinionMapApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int participants = Bench.option(args, "--participants", 50_000);
        int statements = Bench.option(args, "--statements", 1_000);
        int seconds = Bench.option(args, "--seconds", 20);
        double share = Math.min(1, Bench.option(args, "--votes-per-100-cells", 10) / 100.0);
        Path dir = Files.createTempDirectory("opinion-bench-store");
        // the store in its own process, as MongoDB is in production: the api's heap holds the map, not the documents
        try (Child server = Child.store(dir, 0, List.of("-Xmx" + Bench.option(args, "--store-heap", "10g")));
             MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.port())) {
            OpinionStore store = new OpinionStore(new ReactiveMongoTemplate(client, "chorus"));
            long votes = seed(store, participants, statements, share);

            long start = System.nanoTime();
            long read = store.votes(CONVERSATION).count().block();
            long readMs = (System.nanoTime() - start) / 1_000_000;
            progress("read %,d votes back in %,d ms", read, readMs);
            long loadMs = -1;
            long firstMapMs = -1;
            if (Arrays.asList(args).contains("--replay")) {
                LiveMaps replaying = new LiveMaps(store, Duration.ofMinutes(1));
                start = System.nanoTime();
                LiveMap replayed = replaying.of(CONVERSATION).block();
                loadMs = (System.nanoTime() - start) / 1_000_000;
                replaying.stop();
                progress("loaded and replayed in %,d ms (checkpoint stored): %d groups", loadMs, replayed.snapshot().map().groups().size());
            } else {
                start = System.nanoTime();
                firstCheckpoint(store, statements);
                firstMapMs = (System.nanoTime() - start) / 1_000_000;
                progress("the first map of every stored vote computed and its checkpoint stored in %,d ms", firstMapMs);
            }
            long heapBeforeMb = usedHeapMb();
            LiveMaps maps = new LiveMaps(store, Duration.ofMinutes(1));
            start = System.nanoTime();
            LiveMap map = maps.of(CONVERSATION).block();
            long resumeMs = (System.nanoTime() - start) / 1_000_000;
            progress("restarted from the checkpoint in %,d ms: %d groups", resumeMs, map.snapshot().map().groups().size());
            long heapMb = usedHeapMb() - heapBeforeMb;
            progress("heap the loaded map holds: %,d MB", heapMb);

            Reads timed = readsWhileVoting(store, maps, map, participants, statements, seconds);
            maps.stop();
            double[] reads = timed.latencies();
            long maxHeapMb = Runtime.getRuntime().maxMemory() >> 20;
            BENCH.result(String.format(Locale.ROOT, "{\"bench\":\"opinion-map-api\",\"participants\":%d,\"statements\":%d,\"votes\":%d,"
                    + "\"store_read_ms\":%d,\"load_ms\":%d,\"first_map_ms\":%d,\"resume_ms\":%d,\"heap_mb\":%d,\"max_heap_mb\":%d,"
                    + "\"reads\":%d,\"read_p50_ms\":%.2f,\"read_p99_ms\":%.2f,\"votes_per_s\":%.0f,\"groups\":%d}",
                participants, statements, votes, readMs, loadMs, firstMapMs, resumeMs, heapMb, maxHeapMb, reads.length,
                Bench.percentile(reads, 50), Bench.percentile(reads, 99), timed.votesArrived() / (double) seconds,
                map.snapshot().map().groups().size()));
        } finally {
            Bench.deleteQuietly(dir);
        }
    }

    private static long seed(OpinionStore store, int participants, int statements, double share) {
        List<Statement> shown = new ArrayList<>();
        for (int s = 0; s < statements; s++) {
            shown.add(new Statement("s" + s, CONVERSATION, "Statement " + s, null, true, Visibility.SHOWN, Instant.EPOCH, 0L));
        }
        store.insertAll(shown, Statement.COLLECTION).block();
        SplittableRandom random = new SplittableRandom(42);
        int[] camp = new int[statements];
        Arrays.setAll(camp, s -> random.nextInt(3));
        long total = 0;
        List<StoredVote> batch = new ArrayList<>();
        for (int p = 0; p < participants; p++) {
            for (int s = 0; s < statements; s++) {
                if (random.nextDouble() < share) {
                    int side = camp[s] == p % 3 ? 1 : -1;
                    int value = random.nextDouble() < 0.8 ? side : random.nextInt(3) - 1;
                    batch.add(new StoredVote(StoredVote.key(CONVERSATION, "p" + p, "s" + s), CONVERSATION, "p" + p, "s" + s,
                        value, total));
                    total++;
                }
            }
            if (batch.size() >= 20_000 || p == participants - 1) {
                store.insertAll(batch, StoredVote.COLLECTION).block();
                batch.clear();
                progress("stored %,d votes (%,d of %,d participants)", total, p + 1, participants);
            }
        }
        return total;
    }

    /**
     * A long-running conversation restarts from the checkpoint its live updates stored; seeding writes 5 million votes
     * at once, so the bench makes that checkpoint with one full computation of every stored vote instead of replaying
     * thousands of updates (a full replay is what {@code --replay} measures, for smaller conversations).
     */
    private static void firstCheckpoint(OpinionStore store, int statements) {
        OpinionMapUpdater updater = new OpinionMapUpdater();
        for (int s = 0; s < statements; s++) {
            updater.addStatement("s" + s);
        }
        List<Vote> votes = new ArrayList<>();
        MapCheckpoint.Watermark[] last = {MapCheckpoint.Watermark.NONE};
        store.votes(CONVERSATION).doOnNext(stored -> {
            votes.add(new Vote(stored.participantId(), stored.statementId(), stored.value()));
            last[0] = last[0].max(MapCheckpoint.Watermark.of(stored));
        }).blockLast();
        updater.fold(votes);
        store.save(new MapCheckpoint(CONVERSATION, last[0], updater.checkpoint(), Instant.now())).block();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long usedHeapMb() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) >> 20;
    }

    private record Reads(double[] latencies, long votesArrived) {
    }

    /**
     * A reader thread reads the map back to back while 10 votes arrive every 10 ms; up to 16 ticks' votes are stored at
     * once, so a slow store write does not drop the ticks behind it.
     */
    private static Reads readsWhileVoting(OpinionStore store, LiveMaps maps, LiveMap map, int participants,
                                             int statements, int seconds) {
        SplittableRandom random = new SplittableRandom(7);
        AtomicLong cast = new AtomicLong();
        var voting = Flux.interval(Duration.ofMillis(10)).onBackpressureDrop()
            .flatMap(tick -> Flux.range(0, 10).flatMap(i -> {
                String person = "p" + random.nextInt(participants);
                String statement = "s" + random.nextInt(statements);
                int value = random.nextInt(3) - 1;
                StoredVote vote = new StoredVote(StoredVote.key(CONVERSATION, person, statement), CONVERSATION, person,
                    statement, value, System.currentTimeMillis());
                return store.put(vote).map(StoredVote::value).map(Integer::valueOf).map(java.util.Optional::of)
                    .defaultIfEmpty(java.util.Optional.empty())
                    .flatMap(replaced -> maps.voted(vote, replaced.orElse(null)))
                    .doOnSuccess(done -> cast.incrementAndGet());
            }), 16)
            .subscribe();
        Seat seat = reader(participants);
        long gcBefore = gcMillis();
        long versionBefore = map.snapshot().version();
        double[] latencies = Bench.timedFor(seconds, () -> store.statements(CONVERSATION).filter(s -> s.visibility().shown())
            .collectMap(Statement::id, Statement::text)
            .map(texts -> MapViews.view(map.snapshot(), texts, List.of(), seat, map.votesOf(seat.personId()), app.chorus.shared.SmallGroups.DEFAULT))
            .block());
        voting.dispose();
        progress("%,d reads while %,d votes arrived; %d map updates, %,d ms in the garbage collector", latencies.length,
            cast.get(), map.snapshot().version() - versionBefore, gcMillis() - gcBefore);
        return new Reads(latencies, cast.get());
    }

    private static Seat reader(int participants) {
        CurrentUser user = new CurrentUser("p0", "p0", "p0", Set.of());
        Access access = (Access) Proxy.newProxyInstance(Access.class.getClassLoader(), new Class<?>[] {Access.class},
            (proxy, method, arguments) -> method.getName().equals("user") ? user : null);
        Conversation conversation = new Conversation(CONVERSATION, "Bench", null, null, Audience.trust(AudienceRole.PUPILS),
            false, null, Instant.EPOCH, null);
        return new Seat(conversation, access, false, participants > 0);
    }

    private static void progress(String format, Object... values) {
        BENCH.progress(format, values);
    }
}
