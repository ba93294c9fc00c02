package app.chorus.platform.store;

import app.chorus.platform.DevelopmentSecretFiles;
import app.chorus.platform.FieldKeys;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key the embedded store encrypts its data folder and its backups with: a Tink AES-256-GCM keyset (the format of
 * {@code ./chorus keys new FILE}) from the deployment's secrets, never kept in the data folder (ADR 0350). Each frame of
 * a file is sealed under the keyset's primary key and bound (associated data) to its file and byte offset, so frames
 * cannot be moved, reordered or swapped between files.
 */
public final class StoreCipher {

    private static final Logger log = LoggerFactory.getLogger(StoreCipher.class);
    public static final String FILE_ENV = "CHORUS_STORE_KEYSET_FILE";
    private static final byte TINK_PREFIX = 1;

    private final KeysetHandle keyset;
    private final Aead aead;
    private final String source;

    private StoreCipher(String keysetJson, String source) {
        try {
            AeadConfig.register();
            this.keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
            this.source = source;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The store keyset " + source + " is not a valid Tink AEAD keyset ("
                + e.getMessage() + "): make one with ./chorus keys new FILE and point " + FILE_ENV + " at it.", e);
        }
    }

    /** The store key from a keyset given as Tink's JSON. */
    public static StoreCipher of(String keysetJson) {
        return new StoreCipher(keysetJson, "given");
    }

    /**
     * The deployment's store keyset: the file given; without one, the development keyset in {@code devDir} (outside the
     * data folder), made there once when {@code makeIfMissing}, with a warning. A keyset inside the data folder is
     * refused: whoever holds the folder would hold the key.
     */
    public static StoreCipher load(String file, Path devDir, Path dataDir, boolean makeIfMissing) {
        Path keysetFile = file == null || file.isBlank() ? null : Path.of(file);
        try {
            if (keysetFile == null) {
                keysetFile = devDir.resolve("store-keyset.json");
                if (!Files.exists(keysetFile) && !makeIfMissing) {
                    throw new IllegalStateException(FILE_ENV + " is not set and there is no development store keyset "
                        + keysetFile.toAbsolutePath() + ": set " + FILE_ENV + " to the keyset the store was encrypted "
                        + "with (kept with the deployment's secrets).");
                }
                DevelopmentSecretFiles.readOrMake(keysetFile, FieldKeys::fresh);
                log.warn("{} is not set: the store's data folder is encrypted with the development keyset {} (outside "
                    + "the store). Keep it with the deployment's secrets: without it the data folder and its backups "
                    + "cannot be read.", FILE_ENV, keysetFile.toAbsolutePath());
            }
            refuseInside(keysetFile, dataDir);
            return new StoreCipher(Files.readString(keysetFile), keysetFile.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the store keyset " + keysetFile + ": check " + FILE_ENV
                + " names a readable keyset file (made with ./chorus keys new FILE).", e);
        }
    }

    private static void refuseInside(Path keysetFile, Path dataDir) {
        Path key = keysetFile.toAbsolutePath().normalize();
        if (key.startsWith(dataDir.toAbsolutePath().normalize())) {
            throw new IllegalStateException("The store keyset " + key + " is inside the data folder it encrypts: "
                + "anyone holding the folder or a copy of it would hold the key. Move it to the deployment's secrets "
                + "and point " + FILE_ENV + " at its new place.");
        }
    }

    /** Where the keyset came from, for messages. */
    public String source() {
        return source;
    }

    /** The plaintext sealed for its place (a file and offset, see {@link #place}). */
    byte[] seal(byte[] plain, int offset, int length, byte[] place) {
        try {
            byte[] bytes = offset == 0 && length == plain.length ? plain : Arrays.copyOfRange(plain, offset, offset + length);
            return aead.encrypt(bytes, place);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a store record", e);
        }
    }

    /** The plaintext of a frame sealed for this place, or null when it does not open (damaged, cut off or moved). */
    byte[] open(byte[] sealed, byte[] place) {
        try {
            return aead.decrypt(sealed, place);
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    /** Whether this keyset holds the key a frame says it was sealed under (its Tink prefix names it). */
    boolean holdsKeyOf(byte[] sealed) {
        return sealed.length < 5 || sealed[0] != TINK_PREFIX || keyIds().contains(keyIdOf(sealed));
    }

    static int keyIdOf(byte[] sealed) {
        return ByteBuffer.wrap(sealed, 1, 4).getInt();
    }

    List<Integer> keyIds() {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < keyset.size(); i++) {
            ids.add(keyset.getAt(i).getId());
        }
        return ids;
    }

    /** What a reader holding the wrong keyset is told. */
    String wrongKey(Path file, byte[] sealed) {
        return file + " was encrypted with store key " + Integer.toUnsignedString(keyIdOf(sealed)) + ", but the keyset "
            + source + " holds only " + keyIds().stream().map(Integer::toUnsignedString).toList() + ". Set " + FILE_ENV
            + " to the keyset this data was written with (kept with that installation's secrets) and try again; "
            + "nothing was changed.";
    }

    /** Associated data binding a frame to its file (kind and sequence) and its byte offset in that file. */
    static byte[] place(byte[] magic, long sequence, long offset) {
        return ByteBuffer.allocate(magic.length + 16).put(magic).putLong(sequence).putLong(offset).array();
    }
}
