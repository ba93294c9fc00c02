package app.chorus.surveys.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;

/**
 * The counters of tally cells as last read by this instance, each with the cell's write version {@code v}
 * (ADR 0093). A results read asks the store only for every cell's version and fetches the cells whose version
 * moved, so it reads O(changed cells) instead of every counter of every cell. Counters are kept as arrays over
 * one field dictionary per survey. Bounded: surveys least recently read go first past {@link #MAX_CELLS} cells.
 */
final class CachedCells {

    static final int MAX_CELLS = 50_000;

    private final Map<String, SurveyCells> surveys = new LinkedHashMap<>(16, 0.75f, true);
    private int cells;

    /** One survey's cached cells; its methods are called under the owner's monitor. */
    synchronized SurveyCells of(String surveyId) {
        return surveys.computeIfAbsent(surveyId, id -> new SurveyCells());
    }

    /** Adds fetched cells, all versioned (each a consistent snapshot: counters and version from one document). */
    void put(SurveyCells survey, List<Document> fetched) {
        int added;
        synchronized (survey) {
            added = survey.put(fetched);
        }
        synchronized (this) {
            if (survey.evicted) {
                return; // a read that began before the eviction: its cells are no longer counted here
            }
            cells += added;
            var oldest = surveys.entrySet().iterator();
            while (cells > MAX_CELLS && oldest.hasNext()) {
                SurveyCells evicted = oldest.next().getValue();
                if (evicted == survey) {
                    continue;
                }
                cells -= evicted.size();
                evicted.evicted = true;
                oldest.remove();
            }
        }
    }

    static final class SurveyCells {

        private final Map<String, Integer> fields = new HashMap<>();
        /** Counter paths ({@code q.Q.v.5}) by field index. */
        private final List<String> names = new ArrayList<>();
        private final Map<String, Cached> byId = new HashMap<>();
        /** Set under the owner's monitor once dropped from it. */
        private boolean evicted;

        private record Cached(Cell cell, long version, long[] counts) {
        }

        synchronized boolean current(String cellId, Long version) {
            Cached cached = byId.get(cellId);
            return version != null && cached != null && cached.version() == version;
        }

        synchronized int size() {
            return byId.size();
        }

        private int put(List<Document> fetched) {
            int before = byId.size();
            for (Document document : fetched) {
                Map<String, long[]> counters = new HashMap<>();
                Tallies.addCounters(document, counters);
                long[] counts = new long[0];
                for (Map.Entry<String, long[]> field : counters.entrySet()) {
                    int index = fields.computeIfAbsent(field.getKey(), name -> {
                        names.add(Tallies.counterPath(name));
                        return names.size() - 1;
                    });
                    if (index >= counts.length) {
                        counts = Arrays.copyOf(counts, names.size());
                    }
                    counts[index] += field.getValue()[0];
                }
                byId.put(document.getString("_id"), new Cached(Tallies.cellOf(document), Tallies.version(document), counts));
            }
            return byId.size() - before;
        }

        /** The counters of the named cells summed per group (counter path to total); null when one is not here. */
        synchronized Map<String, Map<String, Long>> sums(List<String> cellIds, Function<Cell, String> groupOf) {
            Map<String, long[]> groups = new HashMap<>();
            for (String cellId : cellIds) {
                Cached cached = byId.get(cellId);
                if (cached == null) {
                    return null;
                }
                long[] sum = groups.computeIfAbsent(groupOf.apply(cached.cell()), group -> new long[names.size()]);
                long[] counts = cached.counts();
                for (int i = 0; i < counts.length; i++) {
                    sum[i] += counts[i];
                }
            }
            Map<String, Map<String, Long>> named = new HashMap<>();
            groups.forEach((group, sum) -> {
                Map<String, Long> counters = new HashMap<>(sum.length * 2);
                for (int i = 0; i < sum.length; i++) {
                    if (sum[i] != 0L) {
                        counters.put(names.get(i), sum[i]);
                    }
                }
                named.put(group, counters);
            });
            return named;
        }
    }
}
