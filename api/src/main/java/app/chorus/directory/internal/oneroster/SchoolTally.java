package app.chorus.directory.internal.oneroster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Counts an import's changes per school of the file set (changes it makes to other schools' documents are not theirs). */
final class SchoolTally {

    private final Set<String> schools;
    private final Map<String, Map<String, long[]>> counts = new TreeMap<>();

    SchoolTally(Set<String> schools) {
        this.schools = schools;
    }

    synchronized void count(String kind, List<String> of, String change) {
        for (String school : of) {
            if (schools.contains(school)) {
                long[] tally = counts.computeIfAbsent(school, k -> new LinkedHashMap<>()).computeIfAbsent(kind, k -> new long[4]);
                tally[List.of("created", "updated", "deleted", "unchanged").indexOf(change)]++;
            }
        }
    }

    /** Per school, per kind (orgs, classes, people): created, updated, deleted, unchanged. */
    synchronized Map<String, Map<String, ImportReport.Counts>> bySchool() {
        Map<String, Map<String, ImportReport.Counts>> result = new TreeMap<>();
        for (String school : schools) {
            Map<String, ImportReport.Counts> kinds = new LinkedHashMap<>();
            counts.getOrDefault(school, Map.of()).forEach((kind, c) -> kinds.put(kind, new ImportReport.Counts(c[0], c[1], c[2], c[3])));
            result.put(school, kinds);
        }
        return result;
    }
}
