package app.chorus.accounts.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.HashSet;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/** The per-school setting whether pupils get accounts (off unless the school turns it on). */
public class PupilSignIn {

    static final String COLLECTION = "account_school_settings";

    private final ReactiveMongoTemplate mongo;

    PupilSignIn(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> set(String schoolId, boolean allowed) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.replaceOne(Filters.eq("_id", schoolId),
            new Document("_id", schoolId).append("pupilsSignIn", allowed), new ReplaceOptions().upsert(true)))).then();
    }

    /** The schools whose pupils may sign in (a trust has at most a few hundred schools). */
    Mono<Set<String>> schools() {
        return mongo.getCollection(COLLECTION).flatMapMany(c -> c.find(Filters.eq("pupilsSignIn", true)))
            .map(doc -> doc.getString("_id")).collect(HashSet::new, Set::add);
    }
}
