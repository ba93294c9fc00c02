package app.chorus.platform;

import app.chorus.shared.KeyedHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The keys of keyed hashes (participation marks, ballot and support keys), derived from one deployment secret
 * ({@value #KEY_ENV}) and never written to the database: whoever holds the data folder and its backups cannot
 * recompute a mark from a pupil's id. In production ({@code chorus.environment=production}) the api refuses to start
 * without it; in development it makes one once in a file outside the store and says so.
 */
@Component
public class DeploymentSecrets {

    public static final String KEY_ENV = "CHORUS_HMAC_KEY";
    private static final Logger log = LoggerFactory.getLogger(DeploymentSecrets.class);

    private final byte[] master;

    DeploymentSecrets(@Value("${chorus.secrets.hmac-key:}") String key,
                      @Value("${chorus.environment:development}") String environment,
                      @Value("${chorus.secrets.dev-dir:.chorus/secrets}") Path devDir) {
        this.master = master(key, "production".equalsIgnoreCase(environment), devDir);
    }

    /**
     * The secrets as a command outside the api sees them ({@code ./chorus audit verify}): {@value #KEY_ENV}, else the
     * development key of {@code CHORUS_SECRETS_DIR}.
     */
    public static DeploymentSecrets fromEnvironment() {
        String dir = System.getenv("CHORUS_SECRETS_DIR");
        return new DeploymentSecrets(System.getenv(KEY_ENV), System.getenv("CHORUS_ENVIRONMENT"),
            Path.of(dir == null || dir.isBlank() ? ".chorus/secrets" : dir));
    }

    /** The key for one purpose: the configured one when given (a deployment secret too), else derived from the master. */
    public Mono<byte[]> secret(String configured, String purpose) {
        if (configured != null && !configured.isBlank()) {
            return Mono.just(configured.getBytes(StandardCharsets.UTF_8));
        }
        return Mono.just(Base64.getUrlDecoder().decode(KeyedHashes.hmac(master, "chorus-key:" + purpose)));
    }

    static byte[] master(String key, boolean production, Path devDir) {
        if (key != null && !key.isBlank()) {
            if (key.length() < 32) {
                throw new IllegalStateException(KEY_ENV + " is shorter than 32 characters: set a long random value "
                    + "(e.g. openssl rand -base64 48) and restart.");
            }
            return key.getBytes(StandardCharsets.UTF_8);
        }
        if (production) {
            throw new IllegalStateException(KEY_ENV + " is not set. In production the keyed-hash secret must come from "
                + "the deployment's secrets, never the database: set it (e.g. openssl rand -base64 48) and restart.");
        }
        return developmentKey(devDir);
    }

    private static byte[] developmentKey(Path dir) {
        Path file = dir.resolve("hmac.key");
        try {
            String key = DevelopmentSecretFiles.readOrMake(file, () -> {
                byte[] fresh = new byte[48];
                new SecureRandom().nextBytes(fresh);
                return Base64.getEncoder().encodeToString(fresh);
            });
            log.warn("{} is not set: using the development key in {} (outside the store). Production refuses to start "
                + "without {}.", KEY_ENV, file.toAbsolutePath(), KEY_ENV);
            return key.trim().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make the development key in " + dir.toAbsolutePath()
                + ": set " + KEY_ENV + " or make the folder writable.", e);
        }
    }
}
