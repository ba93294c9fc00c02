package app.chorus.platform.store;

import app.chorus.platform.store.JournalFormat.Key;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.ErrorCode;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server backend that keeps everything in memory (as fast as its memory backend) and makes every
 * acknowledged write durable through an append-only journal plus periodic snapshots in one data folder.
 */
final class JournaledBackend extends AbstractMongoBackend {

    private static final Logger log = LoggerFactory.getLogger(JournaledBackend.class);

    private final StoreFiles files;
    private final DataDirLock lock;
    private final Journal journal;
    private final long compactAfterBytes;
    private final Map<String, JournaledDatabase> databases = new ConcurrentHashMap<>();
    private final ExecutorService compactor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "chorus-store-compactor");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong compactions = new AtomicLong();
    private Map<String, Map<String, LinkedHashMap<Key, Document>>> recovered = new HashMap<>();
    private long recoveredDocuments;

    private JournaledBackend(StoreFiles files, DataDirLock lock, boolean fsync, long compactAfterBytes) {
        this.files = files;
        this.lock = lock;
        this.compactAfterBytes = compactAfterBytes;
        this.journal = new Journal(files, files.cipher(), fsync, compactAfterBytes, this::compactSoon);
    }

    /**
     * Locks {@code dir}, recovers its contents, writes a fresh snapshot and starts a new journal, every file encrypted
     * with {@code cipher}.
     */
    static JournaledBackend open(Path dir, StoreCipher cipher, boolean fsync, long compactAfterBytes)
        throws IOException {
        Files.createDirectories(dir);
        DataDirLock lock = DataDirLock.acquire(dir);
        JournaledBackend backend = new JournaledBackend(new StoreFiles(dir, cipher), lock, fsync, compactAfterBytes);
        try {
            backend.recover();
            return backend;
        } catch (IOException | RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    private void recover() throws IOException {
        long started = System.nanoTime();
        Recovery recovery = Recovery.read(files);
        long read = System.nanoTime();
        recovered = recovery.state;
        recovered.values().removeIf(Map::isEmpty);
        for (String database : new ArrayList<>(recovered.keySet())) {
            resolveDatabase(database);
        }
        recovered = Map.of();
        long built = System.nanoTime();
        long sequence = recovery.lastSequence + 1;
        recoveredDocuments = snapshot(sequence);
        log.debug("Store recovery: read {} ms, rebuilt collections and indexes {} ms, wrote snapshot {} ms",
            (read - started) / 1_000_000, (built - read) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
        journal.start(sequence);
        files.deleteBefore(sequence);
        if (recovery.unencryptedFiles > 0) {
            log.warn("The store data folder {} held {} unencrypted files (written before the store was encrypted): "
                + "their contents are now in the encrypted snapshot {} and the old files are deleted. Deleted files "
                + "can linger on the disk's free blocks: on a disk that held pupils' data, also wipe its free space.",
                files.dir(), recovery.unencryptedFiles, sequence);
        }
    }

    long recoveredDocuments() {
        return recoveredDocuments;
    }

    long compactions() {
        return compactions.get();
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        Map<String, LinkedHashMap<Key, Document>> documents = recovered.getOrDefault(databaseName, new HashMap<>());
        JournaledDatabase database = new JournaledDatabase(databaseName, getCursorRegistry(), journal,
            new HashMap<>(documents));
        databases.put(databaseName, database);
        return database;
    }

    @Override
    public void dropDatabase(String databaseName) {
        super.dropDatabase(databaseName);
        databases.remove(databaseName);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        if (command.equalsIgnoreCase("renameCollection")) {
            MongoServerError refused = renameUnsupported();
            return new Document("ok", 0).append("errmsg", refused.getMessageWithoutErrorCode())
                .append("code", refused.getCode()).append("codeName", refused.getCodeName());
        }
        try {
            return super.handleCommand(channel, databaseName, command, query);
        } finally {
            journal.sync();
        }
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        try {
            return super.handleQuery(query);
        } finally {
            journal.sync();
        }
    }

    static MongoServerError renameUnsupported() {
        return new MongoServerError(ErrorCode.IllegalOperation, "renameCollection is not supported by the embedded "
            + "store (its journal keys documents by collection name): copy the documents into the new collection "
            + "and drop the old one, or use a real MongoDB through MONGODB_URI.");
    }

    /** Writes snapshot N of the live contents; returns how many documents it holds. */
    private long snapshot(long sequence) throws IOException {
        long[] documents = new long[1];
        long bytes = files.writeSnapshot(sequence, sink -> {
            for (JournaledDatabase database : databases.values()) {
                database.writeTo(sink);
            }
            documents[0] = sink.documents();
        });
        journal.compactAfter(Math.max(compactAfterBytes, bytes));
        return documents[0];
    }

    /**
     * Compaction: switch to journal N+1 (under the journal's lock), then snapshot each collection under its own
     * lock. A collection's snapshot may already contain some writes that journal N+1 also holds; replaying those
     * after-images over it again converges to the same documents (last record per key wins), so the snapshot
     * needs no global pause. Only after snapshot N+1 is safely renamed into place are older files deleted.
     */
    void compact() throws IOException {
        synchronized (compactions) {
            long sequence = journal.sequence() + 1;
            journal.start(sequence);
            long documents = snapshot(sequence);
            files.deleteBefore(sequence);
            compactions.incrementAndGet();
            log.debug("Compacted the store into snapshot {} ({} documents)", sequence, documents);
        }
    }

    private void compactSoon() {
        try {
            compactor.execute(this::compactQuietly);
        } catch (RejectedExecutionException e) {
            // shutting down: the next start compacts anyway
        }
    }

    private void compactQuietly() {
        try {
            compact();
        } catch (IOException | RuntimeException e) {
            log.error("Store compaction failed in {} (the journal keeps growing; data is safe): {}", files.dir(),
                e.toString());
        }
    }

    @Override
    public void close() {
        compactor.shutdown();
        try {
            compactor.awaitTermination(1, TimeUnit.MINUTES);
            super.close();
            journal.close();
            lock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
