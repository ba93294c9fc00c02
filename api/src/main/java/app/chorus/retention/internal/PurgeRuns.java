package app.chorus.retention.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Purge runs ({@code retention_runs}), one document each: the moments fixed when it started, the kinds done, how
 * many items each purged, and a lease so one api instance works on a run at a time. A run whose holder stopped is
 * taken over when the lease ends and carries on from the first kind not done.
 */
@Component
class PurgeRuns {

    static final String COLLECTION = "retention_runs";
    static final String CUTOFFS = "expiredBefore";
    static final String DONE = "done";
    static final String PURGED = "purged";
    static final String FINISHED = "finishedAt";
    private static final String HELD = "heldUntil";

    private final ReactiveMongoTemplate mongo;

    PurgeRuns(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Document> unfinished() {
        return mongo.findOne(Query.query(Criteria.where(FINISHED).exists(false)).with(Sort.by("startedAt")),
            Document.class, COLLECTION);
    }

    Mono<Document> start(String id, Map<String, Instant> cutoffs, String startedBy, Instant now) {
        Document expired = new Document();
        cutoffs.forEach((kind, cutoff) -> expired.append(kind, Date.from(cutoff)));
        Document run = new Document("_id", id).append("startedAt", Date.from(now)).append("startedBy", startedBy)
            .append(CUTOFFS, expired).append(DONE, new java.util.ArrayList<String>()).append(PURGED, new Document());
        return mongo.insert(run, COLLECTION);
    }

    /** Takes the run's lease; completes false when another holder's lease is still running. */
    Mono<Boolean> claim(String id, Instant now, Duration lease) {
        Query free = Query.query(Criteria.where("_id").is(id).and(FINISHED).exists(false)
            .orOperator(Criteria.where(HELD).exists(false), Criteria.where(HELD).lt(Date.from(now))));
        return mongo.updateFirst(free, new Update().set(HELD, Date.from(now.plus(lease))), COLLECTION)
            .map(result -> result.getModifiedCount() > 0);
    }

    Mono<Void> counted(String id, String kind, long items) {
        return mongo.updateFirst(byId(id), new Update().inc(PURGED + "." + kind, items), COLLECTION).then();
    }

    Mono<Void> kindDone(String id, String kind) {
        return mongo.updateFirst(byId(id), new Update().addToSet(DONE, kind), COLLECTION).then();
    }

    Mono<Document> finish(String id, Instant now) {
        return mongo.updateFirst(byId(id), new Update().set(FINISHED, Date.from(now)).unset(HELD), COLLECTION)
            .then(find(id));
    }

    Mono<Document> find(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
