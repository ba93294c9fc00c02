package app.chorus.surveys.internal;

import app.chorus.questionnaires.Tally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;

/**
 * The counters of tally cells as last read by this instance, each with the cell's write version {@code v}
 * (ADR 0093). A results read asks the store only for every cell's version and fetches the cells whose version
 * moved, so it reads O(changed cells) instead of every counter of every cell. Counters are kept as arrays over
 * one field dictionary per survey, and per grouping the sums per group follow the cells that moved (ADR 0094).
 * Bounded: surveys least recently read go first past {@link #MAX_CELLS} cells.
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
        /** Moves with every fetch that changes a cached cell: sums remembered at an older one are not reused. */
        private long generation;
        private final Map<String, Summed> summed = new HashMap<>();

        private record Cached(Cell cell, long version, long[] counts) {
        }

        /**
         * Sums of one grouping over exactly these cells as they were at {@code generation}: per group the counters
         * and the tally last built from them; {@code moved} groups changed since and need a new tally (ADR 0094).
         */
        private static final class Summed {
            final String grouping;
            final List<String> cellIds;
            final Function<Cell, String> groupOf;
            final Map<String, long[]> sums = new HashMap<>();
            final Set<String> moved = new HashSet<>();
            Map<String, Tally> tallies = Map.of();
            long generation;

            Summed(String grouping, List<String> cellIds, Function<Cell, String> groupOf) {
                this.grouping = grouping;
                this.cellIds = List.copyOf(cellIds);
                this.groupOf = groupOf;
            }

            void add(Cell cell, long[] counts, int sign, int fields) {
                String group = groupOf.apply(cell);
                long[] sum = sums.get(group);
                if (sum == null || sum.length < fields) {
                    sum = sum == null ? new long[fields] : Arrays.copyOf(sum, fields);
                    sums.put(group, sum);
                }
                for (int i = 0; i < counts.length; i++) {
                    sum[i] += sign * counts[i];
                }
                moved.add(group);
            }
        }

        /** The ids of the cells (each {@code _id} and {@code v}) whose version is not the one held here. */
        synchronized List<String> stale(List<Document> versions) {
            List<String> stale = new ArrayList<>();
            for (Document cell : versions) {
                Cached cached = byId.get(cell.getString("_id"));
                Long version = Tallies.version(cell);
                if (version == null || cached == null || cached.version() != version) {
                    stale.add(cell.getString("_id"));
                }
            }
            return stale;
        }

        synchronized int size() {
            return byId.size();
        }

        /**
         * Keeps the fetched cells. Remembered sums follow by the difference of each changed cell; a new cell is not in
         * their list of cells, so the next read that includes it sums in full.
         */
        private int put(List<Document> fetched) {
            int before = byId.size();
            if (fetched.isEmpty()) {
                return 0;
            }
            List<Summed> following = summed.values().stream().filter(memo -> memo.generation == generation).toList();
            for (Document document : fetched) {
                long[] counts = countsOf(document);
                String id = document.getString("_id");
                Cached old = byId.get(id);
                Cached now = new Cached(Tallies.cellOf(document), Tallies.version(document), counts);
                byId.put(id, now);
                if (old != null && old.version() != now.version()) {
                    for (Summed memo : following) {
                        memo.add(old.cell(), old.counts(), -1, names.size());
                        memo.add(now.cell(), now.counts(), 1, names.size());
                    }
                }
            }
            generation++;
            summed.clear();
            following.forEach(memo -> {
                memo.generation = generation;
                summed.put(memo.grouping, memo);
            });
            return byId.size() - before;
        }

        /**
         * The counters of the named cells summed per group; null when one is not here. When the same {@code grouping}
         * was summed over the same cells before, its sums are reused: as they are when no cell moved since, else with
         * new tallies only for the groups whose cells moved (ADR 0094).
         */
        synchronized Map<String, Tally> sums(List<String> cellIds, String grouping, Function<Cell, String> groupOf) {
            Summed memo = grouping == null ? null : summed.get(grouping);
            if (memo == null || memo.generation != generation || !memo.cellIds.equals(cellIds)) {
                memo = new Summed(grouping, cellIds, groupOf);
                for (String cellId : cellIds) {
                    Cached cached = byId.get(cellId);
                    if (cached == null) {
                        return null;
                    }
                    memo.add(cached.cell(), cached.counts(), 1, names.size());
                }
                memo.generation = generation;
            }
            if (!memo.moved.isEmpty()) {
                Map<String, Tally> tallies = new HashMap<>(memo.tallies);
                for (String group : memo.moved) {
                    tallies.put(group, new Tally(named(memo.sums.get(group))));
                }
                memo.tallies = Map.copyOf(tallies);
                memo.moved.clear();
            }
            if (grouping != null) {
                summed.put(grouping, memo);
            }
            return memo.tallies;
        }

        private Map<String, Long> named(long[] sum) {
            Map<String, Long> counters = new HashMap<>(sum.length * 2);
            for (int i = 0; i < sum.length; i++) {
                if (sum[i] != 0L) {
                    counters.put(names.get(i), sum[i]);
                }
            }
            return counters;
        }

        private long[] countsOf(Document document) {
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
            return counts;
        }
    }
}
