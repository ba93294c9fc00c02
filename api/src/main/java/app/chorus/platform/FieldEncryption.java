package app.chorus.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Application-level encryption of the most sensitive fields with AES-256-GCM through Google Tink. A sealed value is
 * stored as {@code {k: keyId, c: ciphertext}}: the id of the key that sealed it, and the ciphertext bound to its
 * place (document and field), so it cannot be copied to another document. New values are sealed under the keyset's
 * primary key; values under its other keys stay readable until {@link FieldReencryption} has sealed them again and the
 * operator retires those keys ({@link FieldKeys}). The keyset is a deployment secret, never in the database.
 */
@Component
public class FieldEncryption {

    public static final String KEY_ID = "k";
    public static final String CIPHERTEXT = "c";

    private final KeysetHandle keyset;
    private final Aead aead;

    @org.springframework.beans.factory.annotation.Autowired
    FieldEncryption(@Value("${chorus.secrets.field-keyset-file:}") String keysetFile,
                    @Value("${chorus.environment:development}") String environment,
                    @Value("${chorus.secrets.dev-dir:.chorus/secrets}") Path devDir) {
        this(FieldKeys.load(keysetFile, "production".equalsIgnoreCase(environment), devDir));
    }

    /** Encryption under a keyset given as Tink's JSON. */
    public FieldEncryption(String keysetJson) {
        try {
            AeadConfig.register();
            this.keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The field keyset is not a valid Tink AEAD keyset (" + e.getMessage()
                + "): make one with ./chorus keys new FILE and point CHORUS_FIELD_KEYSET_FILE at it.", e);
        }
    }

    /** The key new values are sealed under. */
    public int primaryKeyId() {
        return keyset.getPrimary().getId();
    }

    /** The value sealed for its place (e.g. {@code moderation_items/idea:42/text}); null stays null. */
    public Document seal(String value, String place) {
        if (value == null) {
            return null;
        }
        try {
            byte[] sealed = aead.encrypt(value.getBytes(StandardCharsets.UTF_8), place.getBytes(StandardCharsets.UTF_8));
            return new Document(KEY_ID, primaryKeyId()).append(CIPHERTEXT, new Binary(sealed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a field of " + place, e);
        }
    }

    /**
     * The stored value in clear: a sealed one opened, text stored before it was sealed returned as it is, null as null.
     * A value sealed under a key no longer in the keyset fails, saying which key to put back.
     */
    public String open(Object stored, String place) {
        if (stored == null || stored instanceof String) {
            return (String) stored;
        }
        Document sealed = (Document) stored;
        try {
            byte[] clear = aead.decrypt(sealed.get(CIPHERTEXT, Binary.class).getData(), place.getBytes(StandardCharsets.UTF_8));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A field of " + place + " is sealed under key " + sealed.get(KEY_ID)
                + ", which the field keyset cannot open: put that key back in CHORUS_FIELD_KEYSET_FILE (keys are retired "
                + "only after the re-encryption has finished) and restart.", e);
        }
    }

    /** Whether a stored value is sealed under a key other than the primary one (so re-encryption has work). */
    public boolean underAnOldKey(Object stored) {
        return stored instanceof Document sealed && !Objects.equals(sealed.get(KEY_ID), primaryKeyId());
    }
}
