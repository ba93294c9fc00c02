package app.chorus.opinions.math;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.util.CombinatoricsUtils;

/** Hubert and Arabie's adjusted Rand index of two labelings of the same items, from their contingency table. */
final class AdjustedRandIndex {

    private AdjustedRandIndex() {
    }

    static <A, B> double of(List<A> first, List<B> second) {
        Map<A, Map<B, Integer>> table = new HashMap<>();
        Map<A, Integer> rows = new HashMap<>();
        Map<B, Integer> columns = new HashMap<>();
        for (int i = 0; i < first.size(); i++) {
            table.computeIfAbsent(first.get(i), a -> new HashMap<>()).merge(second.get(i), 1, Integer::sum);
            rows.merge(first.get(i), 1, Integer::sum);
            columns.merge(second.get(i), 1, Integer::sum);
        }
        double cells = table.values().stream().flatMap(row -> row.values().stream()).mapToDouble(AdjustedRandIndex::pairs).sum();
        double rowPairs = rows.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double columnPairs = columns.values().stream().mapToDouble(AdjustedRandIndex::pairs).sum();
        double expected = rowPairs * columnPairs / pairs(first.size());
        double most = (rowPairs + columnPairs) / 2;
        return most == expected ? 1 : (cells - expected) / (most - expected);
    }

    private static double pairs(int n) {
        return n < 2 ? 0 : CombinatoricsUtils.binomialCoefficientDouble(n, 2);
    }
}
