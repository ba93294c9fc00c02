package app.chorus.decisions.internal;

import app.chorus.platform.DeploymentSecrets;
import app.chorus.shared.KeyedHashes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The stored key of a unit's ballot: a keyed hash (HMAC-SHA256) of the decision and the unit, so that a unique
 * {@code _id} keeps one standing ballot per unit without storing who. The secret is {@code chorus.decisions.unit-key}
 * (a deployment secret) or, when unset, one derived from the deployment's {@link DeploymentSecrets} key, never stored.
 */
@Component
class BallotKeys {

    private final Mono<byte[]> secret;

    BallotKeys(DeploymentSecrets secrets, @Value("${chorus.decisions.unit-key:}") String configured) {
        this.secret = Mono.defer(() -> secrets.secret(configured, "ballot-hmac")).cache();
    }

    Mono<String> of(String decisionId, VotingUnit unit) {
        return secret.map(key -> decisionId + ":" + KeyedHashes.hmac(key, decisionId + "|" + unit.key()));
    }

    /** Idempotency keys are kept as digests: they are only compared. */
    static String digest(String value) {
        return value == null || value.isBlank() ? null : KeyedHashes.digest(value);
    }
}
