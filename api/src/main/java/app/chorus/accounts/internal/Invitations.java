package app.chorus.accounts.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Carers owed an invitation to set their password: one document per person, kept until the email is sent. */
class Invitations {

    static final String COLLECTION = "account_invitations";

    private final ReactiveMongoTemplate mongo;

    Invitations(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> owe(String sourcedId, String userId) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", sourcedId),
            Updates.combine(Updates.set("userId", userId), Updates.setOnInsert("since", Instant.now().toString())),
            new UpdateOptions().upsert(true)))).then();
    }

    Flux<Document> owed() {
        return mongo.getCollection(COLLECTION).flatMapMany(c -> c.find().batchSize(500));
    }

    Mono<Void> sent(String sourcedId) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.deleteOne(Filters.eq("_id", sourcedId)))).then();
    }

    Mono<Long> count() {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.countDocuments()));
    }
}
