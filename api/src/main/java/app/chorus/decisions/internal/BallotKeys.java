package app.chorus.decisions.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The stored key of a unit's ballot: a keyed hash (HMAC-SHA256) of the decision and the unit, so that a unique
 * {@code _id} keeps one standing ballot per unit without storing who. The secret is {@code chorus.decisions.unit-key}
 * (a deployment secret) or, when unset, a random one made once in {@code decision_keys}.
 */
@Component
class BallotKeys {

    private final ReactiveMongoTemplate mongo;
    private final String configured;
    private volatile Mono<byte[]> secret;

    BallotKeys(ReactiveMongoTemplate mongo, @Value("${chorus.decisions.unit-key:}") String configured) {
        this.mongo = mongo;
        this.configured = configured;
    }

    Mono<String> of(String decisionId, VotingUnit unit) {
        return secret().map(key -> decisionId + ":" + hmac(key, decisionId + "|" + unit.key()));
    }

    private Mono<byte[]> secret() {
        if (secret == null) {
            secret = (configured.isBlank() ? stored() : Mono.just(configured.getBytes(StandardCharsets.UTF_8))).cache();
        }
        return secret;
    }

    private Mono<byte[]> stored() {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Query query = Query.query(Criteria.where("_id").is("ballot-hmac"));
        return mongo.upsert(query, new Update().setOnInsert("key", Base64.getEncoder().encodeToString(fresh)), "decision_keys")
            .then(mongo.findOne(query, Document.class, "decision_keys"))
            .map(document -> Base64.getDecoder().decode(document.getString("key")));
    }

    private static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Idempotency keys are kept as digests: they are only compared. */
    static String digest(String value) {
        if (value == null || value.isBlank()) {
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
