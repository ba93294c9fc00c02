package app.chorus.platform.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique secondary index: a hash of the values of the index's FIRST key (each element of an array, so
 * multikey) to the positions of the documents holding them. It serves queries whose first-key condition is an
 * equality or {@code $in} on plain values (strings, numbers, booleans, dates, object ids); the query is still
 * matched in full against each candidate, so the index only has to return a superset. Sorting and ranges on
 * the other keys are done on the candidates. Kept under the collection's lock like every change; its own
 * monitor covers the unsynchronized {@code count} path.
 */
final class HashIndex extends Index<Integer> {

    private static final String ID = "_id";

    private final String field;
    private final Map<Object, Set<Integer>> positionsByValue = new HashMap<>();
    private final Map<Object, Entry> entriesById = new HashMap<>();

    private record Entry(int position, List<Object> values) {
    }

    HashIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.field = keys.get(0).getKey();
    }

    @Override
    public synchronized Integer getPosition(Document document) {
        Entry entry = entriesById.get(document.get(ID));
        return entry == null ? null : entry.position();
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
        // never refuses a document
    }

    @Override
    public synchronized void add(Document document, Integer position, MongoCollection<Integer> collection) {
        List<Object> values = valuesOf(document);
        entriesById.put(document.get(ID), new Entry(position, values));
        for (Object value : values) {
            positionsByValue.computeIfAbsent(value, key -> new HashSet<>(4)).add(position);
        }
    }

    @Override
    public synchronized Integer remove(Document document) {
        Entry entry = entriesById.remove(document.get(ID));
        if (entry == null) {
            return null;
        }
        for (Object value : entry.values()) {
            Set<Integer> positions = positionsByValue.get(value);
            if (positions != null) {
                positions.remove(entry.position());
                if (positions.isEmpty()) {
                    positionsByValue.remove(value);
                }
            }
        }
        return entry.position();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
        // never refuses a document
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, Integer position,
                                           MongoCollection<Integer> collection) {
        Entry entry = entriesById.get(oldDocument.get(ID));
        if (entry != null && entry.position() == position && entry.values().equals(valuesOf(newDocument))
            && oldDocument.get(ID).equals(newDocument.get(ID))) {
            return;
        }
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public boolean canHandle(Document query) {
        return queriedValues(query) != null;
    }

    /** How many documents a query would be matched against through this index. */
    synchronized int candidates(Document query) {
        int count = 0;
        for (Object value : queriedValues(query)) {
            Set<Integer> positions = positionsByValue.get(value);
            count += positions == null ? 0 : positions.size();
        }
        return count;
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
        return positions(query);
    }

    /** The candidates in position order (insertion order, as a scan would return them), a fresh list. */
    synchronized List<Integer> positions(Document query) {
        Collection<Object> values = queriedValues(query);
        Set<Integer> union = new HashSet<>();
        for (Object value : values) {
            Set<Integer> positions = positionsByValue.get(value);
            if (positions != null) {
                union.addAll(positions);
            }
        }
        List<Integer> ordered = new ArrayList<>(union);
        ordered.sort(null);
        return ordered;
    }

    @Override
    public synchronized long getCount() {
        return entriesById.size();
    }

    @Override
    public synchronized long getDataSize() {
        return positionsByValue.size();
    }

    @Override
    public synchronized void drop() {
        positionsByValue.clear();
        entriesById.clear();
    }

    /** The plain values the query asks the first key to equal, or null when this index cannot serve it. */
    private Collection<Object> queriedValues(Document query) {
        return query.containsKey(field) ? plainValues(query.get(field)) : null;
    }

    /**
     * The plain values a condition asks a field to equal (a value, {@code $eq} or {@code $in}), or null for any
     * other condition.
     */
    static Collection<Object> plainValues(Object condition) {
        Object plain = key(condition);
        if (plain != null) {
            return List.of(plain);
        }
        if (!(condition instanceof Document operators) || operators.size() != 1) {
            return null;
        }
        if (operators.get("$eq") != null) {
            Object value = key(operators.get("$eq"));
            return value == null ? null : List.of(value);
        }
        if (operators.get("$in") instanceof Collection<?> candidates) {
            List<Object> values = new ArrayList<>(candidates.size());
            for (Object candidate : candidates) {
                Object value = key(candidate);
                if (value == null) {
                    return null;
                }
                values.add(value);
            }
            return values;
        }
        return null;
    }

    private List<Object> valuesOf(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        if (!(value instanceof Collection<?> elements)) {
            Object key = key(value);
            return key == null ? List.of() : List.of(key);
        }
        List<Object> keys = new ArrayList<>(elements.size());
        for (Object element : elements) {
            Object key = key(element);
            if (key != null && !keys.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The value as MongoDB compares it for equality (1, 1L and 1.0 are equal), or null when it is not a plain
     * value this index stores (null, missing, documents, arrays, regular expressions, binary...).
     */
    private static Object key(Object value) {
        if (value instanceof String || value instanceof Boolean || value instanceof ObjectId || value instanceof Instant) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Long longValue && (long) (double) longValue != longValue) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Short
            || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isNaN(number) ? null : number == 0.0 ? 0.0 : number;
        }
        return null;
    }
}
