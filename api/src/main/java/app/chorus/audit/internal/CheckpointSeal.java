package app.chorus.audit.internal;

import app.chorus.platform.DeploymentSecrets;
import app.chorus.shared.KeyedHashes;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/**
 * Signs and checks audit checkpoints with an HMAC-SHA256 under a key derived from the deployment's secrets (ADR 0230):
 * whoever can write to the database but does not hold the secrets cannot make a checkpoint that verifies.
 */
@org.springframework.stereotype.Component
class CheckpointSeal {

    private final Mono<byte[]> key;

    static final String PURPOSE = "audit-checkpoint";

    @org.springframework.beans.factory.annotation.Autowired
    CheckpointSeal(DeploymentSecrets secrets) {
        this(secrets.secret(null, PURPOSE));
    }

    /** Reads the key only when a checkpoint is signed or checked. */
    CheckpointSeal(Mono<byte[]> key) {
        this.key = key.cache();
    }

    Mono<Checkpoint> sign(Checkpoint checkpoint) {
        return key.map(secret -> checkpoint.signed(KeyedHashes.hmac(secret, checkpoint.signedText())));
    }

    Mono<Boolean> holds(Checkpoint checkpoint) {
        return key.map(secret -> checkpoint.signature() != null && MessageDigest.isEqual(
            KeyedHashes.hmac(secret, checkpoint.signedText()).getBytes(StandardCharsets.UTF_8),
            checkpoint.signature().getBytes(StandardCharsets.UTF_8)));
    }
}
