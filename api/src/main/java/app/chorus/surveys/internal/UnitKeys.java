package app.chorus.surveys.internal;

import app.chorus.platform.StoredSecrets;
import app.chorus.shared.KeyedHashes;
import org.springframework.beans.factory.annotation.Value;
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
    private final StoredSecrets secrets;
    private final String configured;
    private volatile Mono<byte[]> key;

    UnitKeys(StoredSecrets secrets, @Value("${chorus.surveys.unit-key:}") String configured) {
        this.secrets = secrets;
        this.configured = configured;
    }

    /** The participation id of a unit: the survey id and a keyed hash of the unit key. */
    public Mono<String> participationId(String surveyId, String unitKey) {
        return key().map(secret -> surveyId + ":" + hmac(secret, surveyId + "|" + unitKey));
    }

    private Mono<byte[]> key() {
        if (key == null) {
            key = secrets.secret(configured, COLLECTION, "unit-hmac").cache();
        }
        return key;
    }

    static String hmac(byte[] secret, String value) {
        return KeyedHashes.hmac(secret, value);
    }

    /** Idempotency keys are kept as hashes: they only need comparing. */
    public static String digest(String value) {
        return KeyedHashes.digest(value);
    }
}
