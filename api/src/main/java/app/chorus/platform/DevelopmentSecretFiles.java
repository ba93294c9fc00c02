package app.chorus.platform;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * A development secret kept in a file outside the store, made once. Several api instances starting together
 * ({@code ./chorus up --replicas}, parallel test forks) may each try to make it: the file appears whole and only once
 * (written aside, then linked into place, which fails if another got there first), and all of them read the winner's.
 */
public final class DevelopmentSecretFiles {

    private DevelopmentSecretFiles() {
    }

    /** The file's content, made first (readable by its owner only) when it does not exist. */
    public static String readOrMake(Path file, Supplier<String> fresh) throws IOException {
        if (!Files.exists(file)) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path aside = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".new");
            try {
                Files.writeString(aside, fresh.get());
                ownerOnly(aside);
                Files.createLink(file, aside);
            } catch (FileAlreadyExistsException madeByAnother) {
                // another instance made it first: use theirs
            } finally {
                Files.deleteIfExists(aside);
            }
        }
        return Files.readString(file);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions apply
        }
    }
}
