package app.chorus.directory.internal;

import app.chorus.platform.store.TestStoreKey;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.directory.internal.oneroster.RosterIndexes;
import app.chorus.directory.internal.store.DirectoryIndexes;
import app.chorus.directory.internal.seed.TrustGenerator;
import app.chorus.directory.internal.store.People;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.platform.DomainEventListener;
import app.chorus.platform.DomainEvents;
import app.chorus.platform.store.EmbeddedStore;
import app.chorus.testing.bench.Bench;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * {@code ./chorus bench audience}: seeds a synthetic trust into an in-process embedded store through the real
 * importer, then times resolving the trust-wide carer audience and computing one carer's audience keys, and how long
 * the same trust takes imported school by school (each school's own export, one after the other, into a store emptied of
 * the bulk import) against the bulk import, with what each school's import asked of the store.
 * Progress on stderr; the last stdout line is one JSON object.
 */
public final class AudienceBenchmark {

    private AudienceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
            .setLevel(ch.qos.logback.classic.Level.WARN);
        int schools = Bench.option(args, "--schools", 100);
        int pupils = Bench.option(args, "--pupils", 60_000);
        // the product's own store (its indexes serve the import's lookups by id, school and chunk key), in a temp folder
        Path data = Files.createTempDirectory("chorus-bench-audience-store-");
        EmbeddedStore server = EmbeddedStore.start(data, TestStoreKey.CIPHER, new InetSocketAddress("127.0.0.1", 0), false);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.address().getPort())) {
            ReactiveMongoTemplate mongo = indexed(new ReactiveMongoTemplate(client, "bench"));
            TrustShapes shapes = new TrustShapes(mongo);
            People people = new People(mongo);
            RosterImports imports = new RosterImports(mongo, shapes, noListeners());
            AudienceResolver resolver = new KeyAudienceResolver(people, shapes);

            Path dir = Files.createTempDirectory("chorus-bench-audience-");
            long t0 = System.nanoTime();
            new TrustGenerator(schools, pupils).write(dir, AudienceBenchmark::progress);
            long generateMs = (System.nanoTime() - t0) / 1_000_000;
            t0 = System.nanoTime();
            ImportReport report = imports.importFolder(dir, false, AudienceBenchmark::progress).block();
            long importMs = (System.nanoTime() - t0) / 1_000_000;
            progress("imported in " + importMs + " ms: " + report.changes());

            t0 = System.nanoTime();
            ImportReport again = imports.importFolder(dir, false, AudienceBenchmark::progress).block();
            long reimportMs = (System.nanoTime() - t0) / 1_000_000;
            progress("re-import (no change: " + again.noChange() + ") in " + reimportMs + " ms");

            Audience carers = Audience.trust(AudienceRole.CARERS);
            long people1 = 0;
            long best = Long.MAX_VALUE;
            for (int run = 0; run < 3; run++) {
                t0 = System.nanoTime();
                people1 = resolver.resolve(carers).count().block();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                progress("resolve run " + (run + 1) + ": " + people1 + " people in " + ms + " ms");
                best = Math.min(best, ms);
            }
            int repeats = 500;
            resolver.keysOf("car-000001").block();
            t0 = System.nanoTime();
            int keys = 0;
            for (int i = 0; i < repeats; i++) {
                keys = resolver.keysOf("car-000001").block().size();
            }
            double keysMs = (System.nanoTime() - t0) / 1_000_000.0 / repeats;
            progress("keysOf(car-000001): " + keys + " keys, " + String.format(Locale.ROOT, "%.3f", keysMs) + " ms average over " + repeats);

            System.gc();
            Thread.sleep(200);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heapMb = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
            long bulkPeople = people.count().block();
            // the school-by-school import starts, as the bulk one did, from a store holding nothing else
            mongo.getMongoDatabase().flatMap(db -> reactor.core.publisher.Mono.from(db.drop())).block();

            BySchool each = bySchool(server, dir);
            long bySchoolMs = java.util.Arrays.stream(each.millis()).sum();
            double bySchoolRatio = importMs == 0 ? 0 : (double) bySchoolMs / importMs;
            progress("one school's import: " + firstTenth(each.millis()) + " ms on average among the first tenth, "
                + lastTenth(each.millis()) + " ms among the last tenth; store documents returned " + firstTenth(each.documents())
                + " and " + lastTenth(each.documents()) + ", KB returned " + firstTenth(each.bytes()) / 1024 + " and "
                + lastTenth(each.bytes()) / 1024 + "; following it (its people, their keys, its leavers): documents "
                + firstTenth(each.followDocuments()) + " and " + lastTenth(each.followDocuments()) + " (the trust's carers then: "
                + firstTenth(each.carers()) + " and " + lastTenth(each.carers()) + ")");
            progress(String.format(Locale.ROOT, "school by school: %d ms, %.2fx the bulk import; %d people (bulk: %d)", bySchoolMs,
                bySchoolRatio, each.people(), bulkPeople));
            RosterImports.deleteQuietly(dir);
            BENCH.result(String.format(Locale.ROOT,
                "{\"bench\":\"audience\",\"schools\":%d,\"pupils\":%d,\"people\":%d,\"resolve_ms\":%d,\"keys_ms\":%.3f,"
                    + "\"heap_mb\":%d,\"generate_ms\":%d,\"import_ms\":%d,\"reimport_ms\":%d,\"by_school_import_ms\":%d,"
                    + "\"by_school_ratio\":%.2f,\"by_school_people\":%d,\"school_first_tenth_ms\":%d,\"school_last_tenth_ms\":%d,"
                    + "\"school_first_tenth_docs_read\":%d,\"school_last_tenth_docs_read\":%d,\"school_first_tenth_kb_read\":%d,"
                    + "\"school_last_tenth_kb_read\":%d,\"school_first_tenth_commands\":%d,\"school_last_tenth_commands\":%d,"
                    + "\"school_first_tenth_follow_docs_read\":%d,\"school_last_tenth_follow_docs_read\":%d,"
                    + "\"school_first_tenth_follow_kb_read\":%d,\"school_last_tenth_follow_kb_read\":%d,"
                    + "\"school_first_tenth_trust_carers\":%d,\"school_last_tenth_trust_carers\":%d,"
                    + "\"unit\":\"ms\",\"machine\":\"2-core\"}",
                schools, pupils, people1, best, keysMs, heapMb, generateMs, importMs, reimportMs, bySchoolMs, bySchoolRatio, each.people(),
                firstTenth(each.millis()), lastTenth(each.millis()), firstTenth(each.documents()), lastTenth(each.documents()),
                firstTenth(each.bytes()) / 1024, lastTenth(each.bytes()) / 1024, firstTenth(each.commands()), lastTenth(each.commands()),
                firstTenth(each.followDocuments()), lastTenth(each.followDocuments()), firstTenth(each.followBytes()) / 1024,
                lastTenth(each.followBytes()) / 1024, firstTenth(each.carers()), lastTenth(each.carers())));
        } finally {
            server.close();
            RosterImports.deleteQuietly(data);
        }
    }

    /** The directory's and the roster rows' indexes, made as the api makes them when it starts. */
    private static ReactiveMongoTemplate indexed(ReactiveMongoTemplate mongo) {
        new DirectoryIndexes(mongo).create();
        new RosterIndexes(mongo).create().block();
        return mongo;
    }

    /** Only the id of each import is kept, for {@link Follower}. */
    private static DomainEvents listening(java.util.concurrent.atomic.AtomicReference<String> imported) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("imported", DomainEventListener.of(app.chorus.directory.RosterImported.class,
            event -> reactor.core.publisher.Mono.fromRunnable(() -> imported.set(event.importId()))));
        return new DomainEvents(beans.<DomainEventListener<?>>getBeanProvider(ResolvableType.forClass(DomainEventListener.class)));
    }

    /** The directory reads of a listener following one import as the api's do: its people and their keys, its leavers. */
    private record Follower(People people, AudienceResolver audiences, app.chorus.directory.internal.store.Leavers leavers,
                            ReactiveMongoTemplate mongo) {

        Follower(ReactiveMongoTemplate mongo) {
            this(new People(mongo), new KeyAudienceResolver(new People(mongo), new TrustShapes(mongo)),
                new app.chorus.directory.internal.store.Leavers(mongo, java.time.Clock.systemUTC()), mongo);
        }

        void follow(String importId) {
            if (importId == null) {
                return;
            }
            pages(after -> people.changedBy(importId, after, 500).map(app.chorus.directory.internal.store.Person::id))
                .concatMap(ids -> audiences.keysOf(ids)).blockLast();
            pages(after -> leavers.leftIn(importId, after, 500)).blockLast();
        }

        long carers() {
            return mongo.count(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("kind").is("carer")), "directory_people").block();
        }

        private static reactor.core.publisher.Flux<List<String>> pages(
            java.util.function.Function<String, reactor.core.publisher.Flux<String>> read) {
            return read.apply(null).collectList()
                .expand(page -> page.size() < 500 ? reactor.core.publisher.Mono.empty() : read.apply(page.get(page.size() - 1)).collectList())
                .filter(page -> !page.isEmpty());
        }
    }

    /** Nothing listens to the benchmark's imports. */
    private static DomainEvents noListeners() {
        return new DomainEvents(new StaticListableBeanFactory()
            .<DomainEventListener<?>>getBeanProvider(ResolvableType.forClass(DomainEventListener.class)));
    }

    /**
     * Each school's import: its time, and the commands, documents and bytes the store answered it; then what a listener
     * of its {@code RosterImported} reads to follow it (ADR 0370: the import's people and their keys, its leavers), and
     * the trust's carers then present (what a trust-wide consultation's reach step resolved after each import before).
     */
    private record BySchool(long[] millis, long[] commands, long[] documents, long[] bytes, long[] followDocuments,
                            long[] followBytes, long[] carers, long people) {
    }

    /**
     * Imports the same trust again, into an empty database of the same store, as each school's own export one after
     * the other (the way a trust whose schools export separately fills Chorus), through a client that counts what each
     * school's import asks of the store (the same for a school whatever the machine's load).
     */
    private static BySchool bySchool(EmbeddedStore server, Path trust) throws Exception {
        Path split = Files.createTempDirectory("chorus-bench-by-school-");
        StoreTraffic traffic = new StoreTraffic();
        MongoClientSettings settings = MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.address().getPort()))
            .addCommandListener(traffic).build();
        try (MongoClient client = MongoClients.create(settings)) {
            List<Path> sets = new SchoolExports(trust).write(split);
            ReactiveMongoTemplate mongo = indexed(new ReactiveMongoTemplate(client, BY_SCHOOL));
            java.util.concurrent.atomic.AtomicReference<String> imported = new java.util.concurrent.atomic.AtomicReference<>();
            RosterImports imports = new RosterImports(mongo, new TrustShapes(mongo), listening(imported));
            Follower follower = new Follower(mongo);
            int n = sets.size();
            BySchool each = new BySchool(new long[n], new long[n], new long[n], new long[n], new long[n], new long[n], new long[n], 0);
            traffic.take();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                imports.importFolder(sets.get(i), false, message -> { }).block();
                each.millis()[i] = (System.nanoTime() - t0) / 1_000_000;
                StoreTraffic.Counts counts = traffic.take();
                each.commands()[i] = counts.commands();
                each.documents()[i] = counts.documentsReturned();
                each.bytes()[i] = counts.bytesReturned();
                each.carers()[i] = follower.carers();
                traffic.take();
                follower.follow(imported.getAndSet(null));
                StoreTraffic.Counts following = traffic.take();
                each.followDocuments()[i] = following.documentsReturned();
                each.followBytes()[i] = following.bytesReturned();
                if ((i + 1) % 10 == 0 || i + 1 == n) {
                    progress("school by school: " + (i + 1) + " of " + n + " schools imported");
                }
            }
            long people = new People(mongo).count().block();
            return new BySchool(each.millis(), each.commands(), each.documents(), each.bytes(), each.followDocuments(),
                each.followBytes(), each.carers(), people);
        } finally {
            RosterImports.deleteQuietly(split);
        }
    }

    /** The average over the first tenth of the schools (at least one). */
    private static long firstTenth(long[] values) {
        int tenth = Math.max(1, values.length / 10);
        return java.util.Arrays.stream(values, 0, tenth).sum() / tenth;
    }

    /** The average over the last tenth of the schools (at least one). */
    private static long lastTenth(long[] values) {
        int tenth = Math.max(1, values.length / 10);
        return java.util.Arrays.stream(values, values.length - tenth, values.length).sum() / tenth;
    }

    private static final Bench BENCH = new Bench("audience");
    private static final String BY_SCHOOL = "bench-by-school";

    private static void progress(String message) {
        BENCH.progress(message);
    }
}
