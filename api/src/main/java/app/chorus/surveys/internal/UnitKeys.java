package app.chorus.surveys.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keyed hashes (HMAC-SHA256) that mark "this person (or child) has answered this survey" without storing who.
 * The key comes from {@code chorus.surveys.unit-key} (a deployment secret) or, when unset, from a random key made
 * once and kept in its own collection, apart from answers and participation marks.
 */
@Component
public class UnitKeys {

    static final String COLLECTION = "survey_keys";
    private final ReactiveMongoTemplate mongo;
    private final String configured;
    private volatile Mono<byte[]> key;

    UnitKeys(ReactiveMongoTemplate mongo, @Value("${chorus.surveys.unit-key:}") String configured) {
        this.mongo = mongo;
        this.configured = configured;
    }

    /** The participation id of a unit: the survey id and a keyed hash of the unit key. */
    public Mono<String> participationId(String surveyId, String unitKey) {
        return key().map(secret -> surveyId + ":" + hmac(secret, surveyId + "|" + unitKey));
    }

    private Mono<byte[]> key() {
        if (key == null) {
            key = (configured.isBlank() ? stored() : Mono.just(configured.getBytes(StandardCharsets.UTF_8))).cache();
        }
        return key;
    }

    private Mono<byte[]> stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Query query = Query.query(Criteria.where("_id").is("unit-hmac"));
        Update setOnce = new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh));
        return mongo.upsert(query, setOnce, COLLECTION)
            .then(mongo.findOne(query, Document.class, COLLECTION))
            .map(document -> Base64.getDecoder().decode(document.getString("key")));
    }

    static String hmac(byte[] secret, String value) {
        return app.chorus.shared.KeyedHash.of(secret, value);
    }

    /** Idempotency keys are kept as hashes: they only need comparing. */
    public static String digest(String value) {
        if (value == null) {
            return null;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
