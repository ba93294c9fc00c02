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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * upsert or delete keyed by sourcedId, so re-running after a crash converges on the same state.
 */
final class RosterApplier {

    static final int BATCH = 500;
    static final int SAMPLES = 50;

    private final ReactiveMongoTemplate mongo;
    private final boolean dryRun;
    private final List<ImportReport.Change> samples;

    RosterApplier(ReactiveMongoTemplate mongo, boolean dryRun, List<ImportReport.Change> samples) {
        this.mongo = mongo;
        this.dryRun = dryRun;
        this.samples = samples;
    }

    Mono<ImportReport.Counts> apply(String kind, String collectionName, Stream<Document> targets) {
        return mongo.getCollection(collectionName).flatMap(collection -> storedHashes(collection).flatMap(stored -> {
            AtomicLong created = new AtomicLong();
            AtomicLong updated = new AtomicLong();
            AtomicLong unchanged = new AtomicLong();
            Flux<WriteModel<Document>> upserts = Flux.fromStream(targets).subscribeOn(Schedulers.boundedElastic()).handle((doc, sink) -> {
                String id = doc.getString("_id");
                String before = stored.remove(id);
                if (before == null) {
                    created.incrementAndGet();
                    sample(kind, id, "created");
                    sink.next(new InsertOneModel<>(doc));
                    return;
                } else if (!before.equals(doc.getString("hash"))) {
                    updated.incrementAndGet();
                    sample(kind, id, "updated");
                } else {
                    unchanged.incrementAndGet();
                    return;
                }
                sink.next(new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
            });
            Flux<WriteModel<Document>> deletes = Flux.defer(() -> Flux.fromIterable(new ArrayList<>(stored.keySet())))
                .doOnNext(id -> sample(kind, id, "deleted"))
                .map(id -> new DeleteOneModel<>(Filters.eq("_id", id)));
            return write(collection, upserts).then(Mono.defer(() -> {
                long deleted = stored.size();
                return write(collection, deletes).thenReturn(
                    new ImportReport.Counts(created.get(), updated.get(), deleted, unchanged.get()));
            }));
        }));
    }

    private Mono<Map<String, String>> storedHashes(MongoCollection<Document> collection) {
        return Flux.from(collection.find().projection(Projections.include("hash")).batchSize(5_000))
            .collect(HashMap::new, (map, doc) -> map.put(doc.getString("_id"), String.valueOf(doc.get("hash"))));
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
