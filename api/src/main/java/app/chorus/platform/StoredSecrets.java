package app.chorus.platform;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A module's secret for keyed hashes: the configured one (a deployment secret) or, when none is configured, a random
 * 32-byte key made once and kept in the module's own collection (the first instance to ask creates it; every
 * instance reads the same one). Callers cache the result.
 */
@Component
public class StoredSecrets {

    private final ReactiveMongoTemplate mongo;

    StoredSecrets(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<byte[]> secret(String configured, String collection, String name) {
        if (configured != null && !configured.isBlank()) {
            return Mono.just(configured.getBytes(StandardCharsets.UTF_8));
        }
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Query query = Query.query(Criteria.where("_id").is(name));
        return mongo.upsert(query, new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)), collection)
            .then(mongo.findOne(query, Document.class, collection))
            .map(document -> Base64.getDecoder().decode(document.getString("key")));
    }
}
