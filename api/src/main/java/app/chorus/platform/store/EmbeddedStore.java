package app.chorus.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-wire-protocol server (mongo-java-server) on loopback, reached by the real driver over
 * TCP. Its data lives in memory and in a journal plus snapshots under {@code dataDir}: every acknowledged
 * write survives a restart or a killed process (see docs/adr/0010-embedded-store-journal.md).
 */
public final class EmbeddedStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStore.class);
    static final long DEFAULT_COMPACT_AFTER_BYTES = 64L * 1024 * 1024;

    private final MongoServer server;
    private final JournaledBackend backend;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoServer server, JournaledBackend backend, InetSocketAddress address) {
        this.server = server;
        this.backend = backend;
        this.address = address;
    }

    /**
     * Opens the data folder (failing if another store holds it), recovers its contents and listens.
     *
     * @param cipher the key every file of the data folder is encrypted with (from the deployment's secrets)
     * @param fsync  also force each acknowledged write to disk (survives power loss, slower)
     */
    public static EmbeddedStore start(Path dataDir, StoreCipher cipher, InetSocketAddress requested, boolean fsync) {
        return start(dataDir, cipher, requested, fsync, DEFAULT_COMPACT_AFTER_BYTES);
    }

    static EmbeddedStore start(Path dataDir, StoreCipher cipher, InetSocketAddress requested, boolean fsync,
                               long compactAfterBytes) {
        long started = System.nanoTime();
        JournaledBackend backend;
        try {
            backend = JournaledBackend.open(dataDir, cipher, fsync, compactAfterBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the store data folder " + dataDir.toAbsolutePath()
                + ": " + e.getMessage(), e);
        }
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(requested.getHostString(), requested.getPort());
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        InetSocketAddress bound = server.getLocalAddress();
        log.info("Embedded store listening on {}:{}, data in {}: recovered {} documents in {} ms{}",
            bound.getHostString(), bound.getPort(), dataDir.toAbsolutePath(), backend.recoveredDocuments(),
            (System.nanoTime() - started) / 1_000_000, fsync ? " (fsync on)" : "");
        return new EmbeddedStore(server, backend, bound);
    }

    public InetSocketAddress address() {
        return address;
    }

    long compactions() {
        return backend.compactions();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
