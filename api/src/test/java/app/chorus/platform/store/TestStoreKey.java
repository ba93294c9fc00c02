package app.chorus.platform.store;

import app.chorus.platform.FieldKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One store keyset for the whole test run, as a deployment's secrets would hold it (outside every data folder). */
public final class TestStoreKey {

    public static final String KEYSET = FieldKeys.fresh();
    public static final StoreCipher CIPHER = StoreCipher.of(KEYSET);

    private TestStoreKey() {
    }

    /** The keyset as a file, for a store started in another process. */
    public static Path file() {
        try {
            Path file = Files.createTempFile("chorus-store-keyset", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, KEYSET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
