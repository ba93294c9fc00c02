package app.chorus.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A development secret kept in a file outside the store, made once. Several api instances starting together
 * ({@code ./chorus up --replicas}, parallel test forks) may each try to make it: the file appears whole and only once
 * (written aside, then linked into place, which fails if another got there first), and all of them read the winner's.
 */
final class DevelopmentSecretFiles {

    private DevelopmentSecretFiles() {
    }

    static String readOrMake(Path file, Supplier<String> fresh) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path aside = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".new");
            try {
                Files.writeString(aside, fresh.get());
                Files.createLink(file, aside);
            } catch (FileAlreadyExistsException madeByAnother) {
                // another instance made it first: use theirs
            } finally {
                Files.deleteIfExists(aside);
            }
        }
        return Files.readString(file);
    }
}
