package app.chorus.platform.store;

import app.chorus.platform.store.JournalFormat.Key;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A database of journaled collections. When opened during recovery, its collections are filled with the
 * recovered documents first; {@code initializeNamespacesAndIndexes()} then re-registers the collections
 * listed in system.namespaces and rebuilds the indexes described in system.indexes over them.
 */
final class JournaledDatabase extends AbstractSynchronizedMongoDatabase<Integer> {

    private final Journal journal;
    private final Map<String, LinkedHashMap<Key, Document>> recovered;
    private final Map<String, JournaledCollection> live = new ConcurrentHashMap<>();

    JournaledDatabase(String name, CursorRegistry cursors, Journal journal,
                      Map<String, LinkedHashMap<Key, Document>> recovered) {
        super(name, cursors);
        this.journal = journal;
        this.recovered = recovered;
        initializeNamespacesAndIndexes();
        // documents of collections no longer listed in system.namespaces (dropped just before a crash) are let go
        recovered.clear();
    }

    @Override
    protected JournaledCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
        JournaledCollection collection =
            new JournaledCollection(this, collectionName, options, cursorRegistry, journal);
        LinkedHashMap<Key, Document> documents = recovered.remove(collectionName);
        if (documents != null) {
            collection.preload(documents.values());
        }
        live.put(collectionName, collection);
        return collection;
    }

    @Override
    protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                     boolean sparse) {
        return new MemoryUniqueIndex(indexName, keys, sparse);
    }

    /** Non-unique indexes are hash indexes on their first key (upstream ignores them and scans). */
    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
        return new HashIndex(indexName, keys, sparse);
    }

    /**
     * Holds the database's lock (no one recreates the collection meanwhile) and the collection's (no write to it
     * is in between), so the DROP record sits after every write of the old collection and before any of a new one.
     */
    @Override
    public synchronized void dropCollection(String collectionName, Oplog oplog) {
        JournaledCollection collection = live.get(collectionName);
        if (collection == null) {
            super.dropCollection(collectionName, oplog);
            return;
        }
        synchronized (collection) {
            super.dropCollection(collectionName, oplog);
            live.remove(collectionName);
            collection.markDropped();
            journal.drop(getDatabaseName(), collectionName);
        }
    }

    @Override
    public void moveCollection(MongoDatabase oldDatabase, MongoCollection<?> collection, String newCollectionName) {
        throw JournaledBackend.renameUnsupported();
    }

    void writeTo(StoreFiles.SnapshotSink sink) throws IOException {
        for (JournaledCollection collection : live.values()) {
            collection.writeTo(sink);
        }
    }

    @Override
    protected long getStorageSize() {
        return 0;
    }

    @Override
    protected long getFileSize() {
        return 0;
    }
}
