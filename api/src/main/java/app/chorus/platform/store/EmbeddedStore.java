package app.chorus.platform.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The embedded MongoDB-wire-protocol server (mongo-java-server) on loopback.
 * TODO durable backend: journal every acknowledged write under dataDir.
 */
public final class EmbeddedStore implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedStore start(Path dataDir, InetSocketAddress requested, boolean fsync) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind(requested.getHostString(), requested.getPort());
        InetSocketAddress bound = server.getLocalAddress();
        return new EmbeddedStore(server, bound);
    }

    public InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
