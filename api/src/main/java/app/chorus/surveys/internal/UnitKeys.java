package app.chorus.surveys.internal;

import app.chorus.platform.DeploymentSecrets;
import app.chorus.shared.KeyedHashes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Keyed hashes (HMAC-SHA256) that mark "this person (or child) has answered this survey" without storing who.
 * The key comes from {@code chorus.surveys.unit-key} (a deployment secret) or, when unset, is derived from the
 * deployment's {@link DeploymentSecrets} key: never from the database that holds the marks.
 */
@Component
public class UnitKeys {

    private final DeploymentSecrets secrets;
    private final String configured;
    private volatile Mono<byte[]> key;

    UnitKeys(DeploymentSecrets secrets, @Value("${chorus.surveys.unit-key:}") String configured) {
        this.secrets = secrets;
        this.configured = configured;
    }

    /** The participation id of a unit: the survey id and a keyed hash of the unit key. */
    public Mono<String> participationId(String surveyId, String unitKey) {
        return key().map(secret -> surveyId + ":" + hmac(secret, surveyId + "|" + unitKey));
    }

    /** A keyed hash of a person, by which their confidential marks are found for erasure without opening any. */
    public Mono<String> personKey(String personId) {
        return key().map(secret -> hmac(secret, "person|" + personId));
    }

    private Mono<byte[]> key() {
        if (key == null) {
            key = secrets.secret(configured, "unit-hmac").cache();
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
