package app.chorus.platform.store;

import app.chorus.platform.store.JournalFormat.Key;
import de.bwaldvogel.mongo.bson.Document;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypted backups of an embedded store's data folder (ADR 0351). A backup is one file holding every document as it
 * was at one moment, sealed with the store key: taken from a stopped store, or from a running one by reading its
 * files (the newest snapshot and the journals after it, the last up to its last whole record). Restore writes it
 * into an empty data folder as that folder's snapshot, which the next start recovers.
 */
public final class StoreBackup {

    private static final int ATTEMPTS = 5;

    /** What a backup or restore moved. */
    public record Summary(long documents, long bytes) {
    }

    private StoreBackup() {
    }

    /** Writes the encrypted backup of {@code dataDir} to {@code archive}, a file that must not exist yet. */
    public static Summary backup(Path dataDir, StoreCipher cipher, Path archive) throws IOException {
        if (Files.exists(archive)) {
            throw new IOException(archive + " exists already: name a new file (backups are never overwritten).");
        }
        StoreFiles files = new StoreFiles(dataDir, cipher);
        if (!Files.isDirectory(dataDir) || files.sequences("snapshot").isEmpty() && files.sequences("journal").isEmpty()) {
            throw new IOException("There is no store data in " + dataDir.toAbsolutePath() + ": check CHORUS_STORE_DIR "
                + "names the data folder (start the store once to make one).");
        }
        Recovery contents = read(files);
        Path part = archive.resolveSibling(archive.getFileName() + ".part");
        long[] documents = new long[1];
        long bytes = StoreFiles.writeSealed(cipher, archive, part, JournalFormat.SEALED_BACKUP_MAGIC, 0, sink -> {
            write(contents, sink);
            documents[0] = sink.documents();
        });
        return new Summary(documents[0], bytes);
    }

    /**
     * Restores {@code archive} into {@code dataDir}, which must hold no store data; a backup sealed under a key the
     * keyset does not hold is refused before anything is written.
     */
    public static Summary restore(Path archive, StoreCipher cipher, Path dataDir) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new IOException("No backup file " + archive + ": give the file ./chorus backup wrote.");
        }
        Files.createDirectories(dataDir);
        StoreFiles files = new StoreFiles(dataDir, cipher);
        if (!files.sequences("snapshot").isEmpty() || !files.sequences("journal").isEmpty()) {
            throw new IOException("The data folder " + dataDir.toAbsolutePath() + " already holds store data: a "
                + "restore goes into an empty folder. Stop the portal, move that folder aside (or delete it) and run the "
                + "restore again.");
        }
        try (DataDirLock lock = DataDirLock.acquire(dataDir)) {
            Recovery contents = Recovery.readArchive(archive, cipher);
            long[] documents = new long[1];
            long bytes = files.writeSnapshot(1, sink -> {
                write(contents, sink);
                documents[0] = sink.documents();
            });
            return new Summary(documents[0], bytes);
        }
    }

    /** The folder's contents at one moment: holding its lock when no store runs, else read under the running store. */
    private static Recovery read(StoreFiles files) throws IOException {
        try (DataDirLock stopped = DataDirLock.tryAcquire(files.dir())) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return Recovery.readOnly(files);
                } catch (NoSuchFileException e) {
                    // the running store compacted between listing its files and reading them: read the new ones
                    if (stopped != null || attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            }
        }
    }

    private static void write(Recovery contents, StoreFiles.SnapshotSink sink) throws IOException {
        for (Map.Entry<String, Map<String, LinkedHashMap<Key, Document>>> database : contents.state.entrySet()) {
            for (Map.Entry<String, LinkedHashMap<Key, Document>> collection : database.getValue().entrySet()) {
                for (Document document : collection.getValue().values()) {
                    sink.put(database.getKey(), collection.getKey(), document);
                }
            }
        }
    }
}
