package app.chorus.audit.internal;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The identity map: person id to a random pseudonym, the only thing the chains hold about who acted. Forgetting a
 * person deletes their row; their links keep a pseudonym nothing resolves.
 */
@Component
class Actors {

    static final String COLLECTION = "audit_actors";
    static final String SYSTEM = "system";
    private static final String PSEUDONYM = "pseudonym";

    private final ReactiveMongoTemplate mongo;

    Actors(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<String> pseudonymOf(String personId) {
        if (personId == null) {
            return Mono.just(SYSTEM);
        }
        Query query = Query.query(Criteria.where("_id").is(personId));
        Update update = new Update().setOnInsert(PSEUDONYM, "a-" + UUID.randomUUID());
        return mongo.findOne(query, Document.class, COLLECTION)
            .switchIfEmpty(Mono.defer(() -> mongo.upsert(query, update, COLLECTION)
                .onErrorResume(DuplicateKeyException.class, raced -> Mono.empty())
                .then(mongo.findOne(query, Document.class, COLLECTION))))
            .map(row -> row.getString(PSEUDONYM));
    }

    /** The pseudonym of a person already known, or empty. */
    Mono<String> knownPseudonymOf(String personId) {
        return mongo.findById(personId, Document.class, COLLECTION).map(row -> row.getString(PSEUDONYM));
    }

    /** Pseudonym to person id, for the pseudonyms still resolvable. */
    Mono<Map<String, String>> personsOf(Collection<String> pseudonyms) {
        return mongo.find(Query.query(Criteria.where(PSEUDONYM).in(pseudonyms)), Document.class, COLLECTION)
            .collect(Collectors.toMap(row -> row.getString(PSEUDONYM), row -> row.getString("_id")));
    }

    Mono<Boolean> forget(String personId) {
        return mongo.remove(Query.query(Criteria.where("_id").is(personId)), COLLECTION)
            .map(result -> result.getDeletedCount() > 0);
    }
}
