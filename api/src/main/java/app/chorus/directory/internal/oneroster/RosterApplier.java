package app.chorus.directory.internal.oneroster;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import app.chorus.directory.internal.store.Collections;
import app.chorus.directory.internal.store.Leavers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies one collection's target documents: compares each with the stored content hash and writes only what
 * differs (replace by sourcedId), then deletes what the roster no longer has. Every write is a single-document
 * upsert or delete keyed by sourcedId, so re-running after a crash converges on the same state. People it deletes are
 * recorded as leavers first, and people it creates are leavers no more. People it writes and leavers it records carry the
 * import's id ({@code rosterImport}), so that its listeners read only them (ADR 0370).
 */
final class RosterApplier {

    static final int BATCH = 500;
    static final int SAMPLES = 50;

    /** A stored document's content hash, the schools it belongs to and (for people) its kind. */
    private record Stored(String hash, List<String> schools, String kind) {
    }

    private final ReactiveMongoTemplate mongo;
    private final boolean dryRun;
    private final List<ImportReport.Change> samples;
    private final SchoolTally tally;
    private final Leavers leavers;
    private final String importId;

    RosterApplier(ReactiveMongoTemplate mongo, boolean dryRun, List<ImportReport.Change> samples, SchoolTally tally,
                  Leavers leavers, String importId) {
        this.mongo = mongo;
        this.dryRun = dryRun;
        this.samples = samples;
        this.tally = tally;
        this.leavers = leavers;
        this.importId = importId;
    }

    /**
     * Writes the target documents that differ from the stored ones and deletes the stored documents of {@code scope}
     * that have no target: documents outside the scope (other schools' file sets) are never touched.
     */
    Mono<ImportReport.Counts> apply(String kind, String collectionName, Stream<Document> targets, Set<String> scope) {
        return apply(kind, collectionName, targets, scope, null);
    }

    /**
     * As above; with {@code read}, the stored documents of the scope as the import has just read them (every one that
     * exists, with its hash), instead of reading their hashes again (ADR 0385).
     */
    Mono<ImportReport.Counts> apply(String kind, String collectionName, Stream<Document> targets, Set<String> scope,
                                    Map<String, Document> read) {
        Mono<Map<String, Stored>> hashes = read == null ? mongo.getCollection(collectionName).flatMap(collection -> storedHashes(collection, scope))
            : Mono.fromSupplier(() -> {
                Map<String, Stored> stored = new HashMap<>();
                read.forEach((id, doc) -> stored.put(id, stored(doc)));
                return stored;
            });
        return mongo.getCollection(collectionName).flatMap(collection -> hashes.flatMap(stored -> {
            AtomicLong created = new AtomicLong();
            AtomicLong updated = new AtomicLong();
            AtomicLong unchanged = new AtomicLong();
            List<String> createdIds = new ArrayList<>();
            Flux<WriteModel<Document>> upserts = Flux.fromStream(targets).subscribeOn(Schedulers.boundedElastic()).handle((doc, sink) -> {
                String id = doc.getString("_id");
                if (Collections.PEOPLE.equals(collectionName)) {
                    doc.append(Collections.ROSTER_IMPORT, importId);
                }
                Stored before = stored.remove(id);
                if (before == null) {
                    created.incrementAndGet();
                    createdIds.add(id);
                    change(kind, id, schoolsOf(doc), "created");
                    sink.next(new InsertOneModel<>(doc));
                    return;
                } else if (!before.hash().equals(doc.getString("hash"))) {
                    updated.incrementAndGet();
                    change(kind, id, schoolsOf(doc), "updated");
                } else {
                    unchanged.incrementAndGet();
                    tally.count(kind, schoolsOf(doc), "unchanged");
                    return;
                }
                sink.next(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
            });
            Flux<WriteModel<Document>> deletes = Flux.defer(() -> Flux.fromIterable(stored.keySet().stream().sorted().toList()))
                .doOnNext(id -> change(kind, id, stored.get(id).schools(), "deleted"))
                .map(id -> new DeleteOneModel<>(Filters.eq("_id", id)));
            return write(collection, upserts)
                .then(Mono.defer(() -> leaving(collectionName, createdIds, stored)))
                .then(Mono.defer(() -> {
                    long deleted = stored.size();
                    return write(collection, deletes).thenReturn(
                        new ImportReport.Counts(created.get(), updated.get(), deleted, unchanged.get()));
                }));
        }));
    }

    /** For people: those created are leavers no more, those about to be deleted become leavers. */
    private Mono<Void> leaving(String collectionName, List<String> createdIds, Map<String, Stored> toDelete) {
        if (dryRun || !Collections.PEOPLE.equals(collectionName)) {
            return Mono.empty();
        }
        return leavers.returned(createdIds).then(leavers.left(departures(toDelete), importId));
    }

    private static List<Leavers.Departure> departures(Map<String, Stored> deleted) {
        return deleted.entrySet().stream().sorted(Map.Entry.comparingByKey())
            .map(entry -> new Leavers.Departure(entry.getKey(), entry.getValue().kind(), entry.getValue().schools())).toList();
    }

    /** The stored hashes of the scope's documents only, read by sourcedId in batches (never the whole collection). */
    private Mono<Map<String, Stored>> storedHashes(MongoCollection<Document> collection, Set<String> scope) {
        return IdBatches.of(scope)
            .concatMap(batch -> collection.find(Filters.in("_id", batch))
                .projection(Projections.include("hash", "schoolIds", "schoolId", "kind")).batchSize(IdBatches.SIZE))
            .collect(HashMap::new, (map, doc) -> map.put(doc.getString("_id"), stored(doc)));
    }

    private static Stored stored(Document doc) {
        return new Stored(String.valueOf(doc.get("hash")), schoolsOf(doc), doc.getString("kind"));
    }

    /** A person's or class's schools; an org is its own school. */
    static List<String> schoolsOf(Document doc) {
        if (doc.containsKey("schoolIds")) {
            return doc.getList("schoolIds", String.class);
        }
        return List.of(doc.containsKey("schoolId") ? doc.getString("schoolId") : doc.getString("_id"));
    }

    private void change(String kind, String id, List<String> schools, String change) {
        tally.count(kind, schools, change);
        sample(kind, id, change);
    }

    private Mono<Void> write(MongoCollection<Document> collection, Flux<WriteModel<Document>> writes) {
        if (dryRun) {
            return writes.then();
        }
        return writes.buffer(BATCH).concatMap(batch -> Mono.from(collection.bulkWrite(batch, new BulkWriteOptions().ordered(false)))).then();
    }

    private void sample(String kind, String id, String change) {
        synchronized (samples) {
            if (samples.size() < SAMPLES) {
                samples.add(new ImportReport.Change(kind, id, change));
            }
        }
    }
}
