package app.chorus.platform;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The field keyset's life: made once, then rotated in three steps so that no api instance ever meets a value it
 * cannot open: {@link #added} (a new key every instance can read, not yet used), {@link #promoted} (the newest key
 * seals new values; the re-encryption job moves the old values to it), {@link #retired} (the keys no longer primary
 * dropped, once the job reports nothing left under them). {@code ./chorus keys new|add|promote|retire FILE} runs these.
 */
public final class FieldKeys {

    private static final Logger log = LoggerFactory.getLogger(FieldKeys.class);
    static final String FILE_ENV = "CHORUS_FIELD_KEYSET_FILE";

    private FieldKeys() {
    }

    /** A new keyset with one AES-256-GCM key. */
    public static String fresh() {
        return write(() -> KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
    }

    /** The keyset with a new key added that is not yet primary. */
    public static String added(String keysetJson) {
        return write(() -> KeysetHandle.newBuilder(read(keysetJson))
            .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
            .build());
    }

    /** The keyset with its most recently added key made primary. */
    public static String promoted(String keysetJson) {
        return write(() -> {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(read(keysetJson));
            builder.getAt(builder.size() - 1).setStatus(KeyStatus.ENABLED).makePrimary();
            return builder.build();
        });
    }

    /** The keyset with only its primary key. */
    public static String retired(String keysetJson) {
        return write(() -> {
            KeysetHandle.Builder builder = KeysetHandle.newBuilder(read(keysetJson));
            for (int i = builder.size() - 1; i >= 0; i--) {
                if (!builder.getAt(i).isPrimary()) {
                    builder.deleteAt(i);
                }
            }
            return builder.build();
        });
    }

    /**
     * The deployment's keyset: the file given; without one, production refuses to start and development makes one
     * once in the secrets folder (outside the store) and says so.
     */
    static String load(String file, boolean production, Path devDir) {
        try {
            if (file != null && !file.isBlank()) {
                return Files.readString(Path.of(file));
            }
            if (production) {
                throw new IllegalStateException(FILE_ENV + " is not set. In production the keyset that encrypts "
                    + "safeguarding and pupils' texts must come from the deployment's secrets: make one with "
                    + "./chorus keys new FILE, store it with the secrets (not with the database) and restart.");
            }
            Path dev = devDir.resolve("field-keyset.json");
            String keyset = DevelopmentSecretFiles.readOrMake(dev, FieldKeys::fresh);
            log.warn("{} is not set: using the development field keyset in {} (outside the store). Production refuses "
                + "to start without {}.", FILE_ENV, dev.toAbsolutePath(), FILE_ENV);
            return keyset;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the field keyset: check " + FILE_ENV + " names a readable file.", e);
        }
    }

    private interface Change {
        KeysetHandle apply() throws GeneralSecurityException;
    }

    private static KeysetHandle read(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }

    private static String write(Change change) {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(change.apply(), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The field keyset could not be changed: " + e.getMessage()
                + ". Check the file is a keyset made by ./chorus keys new.", e);
        }
    }
}
