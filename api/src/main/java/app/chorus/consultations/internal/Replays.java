package app.chorus.consultations.internal;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Time-ordered ids that a retried request with the same Idempotency-Key gets again: the first request claims the
 * key ({@code consultation_requests}, unique by primary key) with a fresh id; a retry reads that id back.
 */
@Component
class Replays {

    static final String COLLECTION = "consultation_requests";
    static final String AT = "at";
    /** How long a retry gets the first request's id back; after that the same key counts as a new request. */
    static final java.time.Duration KEPT = java.time.Duration.ofDays(7);
    private final ReactiveMongoTemplate mongo;

    Replays(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<String> idFor(String subject, String idempotencyKey) {
        String fresh = new ObjectId().toHexString();
        if (idempotencyKey == null) {
            return Mono.just(fresh);
        }
        String key = Ids.digest(subject + "|" + idempotencyKey);
        return mongo.insert(new Document("_id", key).append("id", fresh).append(AT, new java.util.Date()), COLLECTION).thenReturn(fresh)
            .onErrorResume(DuplicateKeyException.class, retry -> mongo.findById(key, Document.class, COLLECTION)
                .map(claimed -> claimed.getString("id")));
    }
}
