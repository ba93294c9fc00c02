package app.chorus.directory.internal.oneroster;

import java.util.List;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param changes per collection (orgs, sessions, classes, people): created, updated, deleted, unchanged
 * @param samples the first changes, e.g. {@code people pup-000123 updated}
 */
public record ImportReport(boolean dryRun, long rows, Map<String, Counts> changes, List<Change> samples, long millis) {

    public record Counts(long created, long updated, long deleted, long unchanged) {

        public long changed() {
            return created + updated + deleted;
        }
    }

    public record Change(String kind, String id, String change) {
    }

    public boolean noChange() {
        return changes.values().stream().allMatch(c -> c.changed() == 0);
    }
}
