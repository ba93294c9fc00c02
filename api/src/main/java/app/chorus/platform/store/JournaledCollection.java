package app.chorus.platform.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.IndexBuildFailedException;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * An in-memory collection (the layout of mongo-java-server's MemoryCollection) that appends the after-image
 * of every change to the journal inside the collection's lock, before the change is acknowledged; the changes of
 * one insert, update or delete command's statement go in one frame (ADR 0408).
 */
final class JournaledCollection extends AbstractSynchronizedMongoCollection<Integer> {

    private final List<Document> documents = new ArrayList<>();
    private final Queue<Integer> emptyPositions = new ArrayDeque<>();
    private final Journal journal;
    private boolean dropped;
    /** The records of the write of many documents under way (this collection locked), else null. */
    private Journal.Batch batch;

    JournaledCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors,
                        Journal journal) {
        super(database, name, options, cursors);
        this.journal = journal;
    }

    /** Loads recovered documents before the indexes are built; nothing is journaled. */
    synchronized void preload(Iterable<Document> recovered) {
        for (Document document : recovered) {
            documents.add(document);
        }
    }

    /** Writes every document to a snapshot while holding the collection's lock. */
    synchronized void writeTo(StoreFiles.SnapshotSink sink) throws IOException {
        for (Document document : documents) {
            if (document != null) {
                sink.put(getDatabaseName(), getCollectionName(), document);
            }
        }
    }

    /** Called with this collection locked: a writer still holding it must not outlive the DROP record. */
    void markDropped() {
        dropped = true;
    }

    private void rejectIfDropped() {
        if (dropped) {
            throw new MongoServerError(26, "NamespaceNotFound", "Collection " + getFullName()
                + " was dropped while this write was waiting; retry it.");
        }
    }

    /**
     * Under the collection's lock (upstream builds without it). Fills a new index in one pass over the
     * documents ({@code add} checks uniqueness itself) instead of upstream's check pass plus add pass: this is
     * most of the recovery time.
     */
    @Override
    public synchronized void addIndex(Index<Integer> index) {
        boolean known = getIndexes().stream().anyMatch(existing -> existing.getName().equals(index.getName()));
        if (!known && index.isEmpty()) {
            try {
                for (int position = 0; position < documents.size(); position++) {
                    Document document = documents.get(position);
                    if (document != null) {
                        index.add(document, position, this);
                    }
                }
            } catch (MongoServerError e) {
                throw new IndexBuildFailedException(e, this);
            }
        }
        super.addIndex(index);
    }

    @Override
    public synchronized List<Document> insertDocuments(List<Document> documents, boolean isOrdered) {
        return inOneFrame(() -> super.insertDocuments(documents, isOrdered));
    }

    @Override
    public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        return inOneFrame(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
    }

    @Override
    public synchronized int deleteDocuments(Document selector, int limit, Oplog oplog) {
        return inOneFrame(() -> super.deleteDocuments(selector, limit, oplog));
    }

    /**
     * Runs one write of many documents (called with this collection locked) with their records collected and
     * appended as one journal frame when it ends, also when it ends in an error: the changes made before it are live.
     */
    private <T> T inOneFrame(Supplier<T> write) {
        if (batch != null) {
            return write.get();
        }
        batch = journal.batch(getDatabaseName(), getCollectionName());
        try {
            return write.get();
        } finally {
            Journal.Batch written = batch;
            batch = null;
            written.write();
        }
    }

    private void journalPut(Document document) {
        if (batch != null) {
            batch.put(document);
        } else {
            journal.put(getDatabaseName(), getCollectionName(), document);
        }
    }

    private void journalDelete(Document document) {
        if (batch != null) {
            batch.delete(document);
        } else {
            journal.delete(getDatabaseName(), getCollectionName(), document);
        }
    }

    @Override
    protected Integer addDocumentInternal(Document document) {
        rejectIfDropped();
        journalPut(document);
        Integer position = emptyPositions.poll();
        if (position == null) {
            documents.add(document);
            return documents.size() - 1;
        }
        documents.set(position, document);
        return position;
    }

    @Override
    protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        rejectIfDropped();
        if (JournalFormat.idField(getCollectionName()) == null) {
            journalDelete(oldDocument);
        }
        journalPut(newDocument);
    }

    @Override
    protected void removeDocument(Integer position) {
        rejectIfDropped();
        journalDelete(documents.get(position));
        documents.set(position, null);
        emptyPositions.add(position);
    }

    @Override
    protected Document getDocument(Integer position) {
        return documents.get(position);
    }

    /**
     * Like upstream (a unique index that can serve the query wins), but among hash indexes the one with the
     * fewest candidates serves it, a top-level {@code $or} whose every branch has an index is served by the
     * union of the branches' candidates, and a scan is the last resort.
     */
    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        List<Integer> positions = candidates(query);
        if (positions == null) {
            return matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        if (isNaturalDescending(orderBy)) {
            Collections.reverse(positions);
        }
        Document rest = answeredByTheIndex(query) ? new Document() : query;
        return matchDocuments(rest, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * A query that is only an equality or {@code $in} on plain values of one key, served by an index on that key,
     * is answered exactly by the index's candidates; matching each of them again would compare it with every
     * value of the {@code $in} list (upstream normalizes the whole list per document: quadratic in batch size).
     */
    private static boolean answeredByTheIndex(Document query) {
        return query.size() == 1 && HashIndex.plainValues(query.values().iterator().next()) != null;
    }

    /** The positions of the documents the query may match, from indexes; null when only a scan can answer. */
    private List<Integer> candidates(Document query) {
        List<Integer> indexed = fromOneIndex(query);
        if (indexed != null) {
            return indexed;
        }
        if (query.get("$and") instanceof List<?> clauses) {
            return fewestOfTheClauses(clauses);
        }
        if (!(query.get("$or") instanceof List<?> branches)) {
            return null;
        }
        Set<Integer> union = new TreeSet<>();
        for (Object branch : branches) {
            List<Integer> some = branch instanceof Document clause ? candidates(clause) : null;
            if (some == null) {
                return null;
            }
            union.addAll(some);
        }
        return new ArrayList<>(union);
    }

    /**
     * An explicit {@code $and} (what the driver's {@code Filters.and} sends) matches only documents every clause
     * matches, so the clause with the fewest indexed candidates serves it: {@code {_id: x}} from the unique index,
     * a status from its hash index. Hash-indexed clauses are counted first and only the fewest is listed: listing
     * {@code {status: WAITING}} to learn it is the bigger clause cost a set and a sort of every waiting batch.
     */
    private List<Integer> fewestOfTheClauses(List<?> clauses) {
        List<Integer> fewest = null;
        Document fewestCounted = null;
        int counted = Integer.MAX_VALUE;
        for (Object clause : clauses) {
            if (!(clause instanceof Document condition)) {
                continue;
            }
            int count = countWithoutListing(condition);
            if (count >= 0) {
                if (count < counted) {
                    fewestCounted = condition;
                    counted = count;
                }
                continue;
            }
            List<Integer> some = candidates(condition);
            if (some != null && (fewest == null || some.size() < fewest.size())) {
                fewest = some;
            }
        }
        if (fewestCounted != null && (fewest == null || counted < fewest.size())) {
            return candidates(fewestCounted);
        }
        return fewest;
    }

    /** How many candidates a clause served by a hash index (and no other index) has; -1 when it must be listed. */
    private int countWithoutListing(Document clause) {
        if (HashIndex.plainValues(clause.get(Constants.ID_FIELD)) != null) {
            return -1; // the unique id index lists a clause naming ids at once
        }
        int fewest = -1;
        for (Index<Integer> index : getIndexes()) {
            if (!index.canHandle(clause)) {
                continue;
            }
            if (!(index instanceof HashIndex hash)) {
                return -1;
            }
            int count = hash.candidates(clause);
            fewest = fewest < 0 ? count : Math.min(fewest, count);
        }
        return fewest;
    }

    private List<Integer> fromOneIndex(Document query) {
        List<Integer> byId = byId(query);
        if (byId != null) {
            return byId;
        }
        HashIndex best = null;
        int fewest = Integer.MAX_VALUE;
        for (Index<Integer> index : getIndexes()) {
            if (!index.canHandle(query)) {
                continue;
            }
            if (!(index instanceof HashIndex hash)) {
                List<Integer> positions = new ArrayList<>();
                index.getPositions(query).forEach(positions::add);
                return positions;
            }
            int candidates = hash.candidates(query);
            if (candidates < fewest) {
                best = hash;
                fewest = candidates;
            }
        }
        return best == null ? null : best.positions(query);
    }

    /**
     * A query naming the {@code _id} and more (a conditional update: {@code {_id: x, state: "DRAFT"}}) is matched only
     * against the document with that id. Upstream's unique index serves a query on exactly its keys, so such a
     * query scanned the whole collection.
     */
    private List<Integer> byId(Document query) {
        if (query.size() < 2 || HashIndex.plainValues(query.get(Constants.ID_FIELD)) == null) {
            return null;
        }
        Document idOnly = new Document(Constants.ID_FIELD, query.get(Constants.ID_FIELD));
        for (Index<Integer> index : getIndexes()) {
            if (!(index instanceof HashIndex) && index.canHandle(idOnly)) {
                List<Integer> positions = new ArrayList<>();
                index.getPositions(idOnly).forEach(positions::add);
                return positions;
            }
        }
        return null;
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        return matchDocumentsFromStream(liveDocuments(isNaturalDescending(orderBy)), query, orderBy, numberToSkip,
            limit, batchSize, fieldSelector);
    }

    private Stream<Document> liveDocuments(boolean descending) {
        int size = documents.size();
        IntStream positions = IntStream.range(0, size);
        if (descending) {
            positions = positions.map(i -> size - 1 - i);
        }
        return positions.mapToObj(documents::get).filter(Objects::nonNull);
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return IntStream.range(0, documents.size())
            .filter(position -> documents.get(position) != null)
            .mapToObj(position -> new DocumentWithPosition<>(documents.get(position), position));
    }

    @Override
    protected Integer findDocumentPosition(Document document) {
        int position = documents.indexOf(document);
        return position < 0 ? null : position;
    }

    @Override
    public synchronized int count() {
        return documents.size() - emptyPositions.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return count() == 0;
    }

    /**
     * Upstream encodes every inserted, updated and removed document to BSON once more just to keep a running
     * data size (on top of the journal's encoding): a large part of an insert's cost. Only statistics
     * ({@code collStats}, {@code validate}) ask for the size, so it is computed when they do.
     */
    @Override
    protected boolean tracksDataSize() {
        return false;
    }

    @Override
    protected void updateDataSize(int sizeDelta) {
        // not tracked: see tracksDataSize()
    }

    @Override
    protected synchronized int getDataSize() {
        return liveDocuments(false).mapToInt(JournalFormat::bsonSize).sum();
    }
}
