package app.chorus.platform;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Deleting what a query matches in bounded batches, each of single-document deletions: stopping half way loses nothing. */
public final class BatchDeletes {

    private BatchDeletes() {
    }

    /** Deletes what {@code matching} finds, {@code batch} documents at a time (in the query's order), emitting each batch's count. */
    public static Flux<Long> delete(ReactiveMongoTemplate mongo, Query matching, String collection, int batch) {
        Query page = Query.of(matching).limit(batch);
        page.fields().include("_id");
        return Mono.defer(() -> mongo.find(page, Document.class, collection).map(found -> found.get("_id")).collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0L)
                    : mongo.remove(Query.query(Criteria.where("_id").in(ids)), collection)
                        .map(result -> result.getDeletedCount())))
            .repeat()
            .takeWhile(deleted -> deleted > 0);
    }
}
