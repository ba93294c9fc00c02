package app.chorus.accounts.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keycloak work owed until it is done, one document each, so that a Keycloak outage or a restart loses none of it:
 * the account of an erased person to delete ({@code _id} {@code delete:<personId>}, with the erasure's audit key), and
 * a roster sync that failed ({@code _id} {@code sync}).
 */
class OwedAccountWork {

    static final String COLLECTION = "account_work";
    private static final String SYNC = "sync";
    private static final String DELETE = "delete:";

    /** An erased person's account to delete. */
    record Deletion(String personId, String erasureId, String erasedBy) {
    }

    private final ReactiveMongoTemplate mongo;

    OwedAccountWork(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> oweDeletion(Deletion deletion) {
        return upsert(DELETE + deletion.personId(), Updates.combine(Updates.set("personId", deletion.personId()),
            Updates.set("erasureId", deletion.erasureId()), Updates.set("erasedBy", deletion.erasedBy())));
    }

    /** The owed deletions, oldest first, at most {@code limit}. */
    Flux<Deletion> deletions(int limit) {
        return mongo.getCollection(COLLECTION).flatMapMany(c -> c.find(Filters.regex("_id", "^" + DELETE))
                .sort(new Document("since", 1)).limit(limit))
            .map(doc -> new Deletion(doc.getString("personId"), doc.getString("erasureId"), doc.getString("erasedBy")));
    }

    Mono<Void> deleted(String personId) {
        return remove(DELETE + personId);
    }

    Mono<Void> oweSync() {
        return upsert(SYNC, Updates.set("failedAt", Instant.now().toString()));
    }

    Mono<Boolean> syncOwed() {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.countDocuments(Filters.eq("_id", SYNC)))).map(n -> n > 0);
    }

    Mono<Void> synced() {
        return remove(SYNC);
    }

    private Mono<Void> upsert(String id, org.bson.conversions.Bson set) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", id),
            Updates.combine(set, Updates.setOnInsert("since", Instant.now().toString())), new UpdateOptions().upsert(true)))).then();
    }

    private Mono<Void> remove(String id) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", id)))).then();
    }
}
