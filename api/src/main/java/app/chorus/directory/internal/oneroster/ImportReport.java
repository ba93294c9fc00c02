package app.chorus.directory.internal.oneroster;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param changes        per collection (orgs, sessions, classes, people): created, updated, deleted, unchanged
 * @param schools        per school of the file set, per kind (orgs, classes, people): the same counts; other schools
 *                       are not touched and not listed
 * @param largeDeletions the schools that lose more than {@link RosterImports#CONFIRM_SHARE_PERCENT}% of their people,
 *                       which a real import applies only with {@code confirmDeletions=true}
 * @param samples        the first changes, e.g. {@code people pup-000123 updated}
 * @param outdated       delta rows not applied because the stored record was changed later than they say
 */
public record ImportReport(boolean dryRun, long rows, Map<String, Counts> changes, Map<String, Map<String, Counts>> schools,
                           List<LargeDeletion> largeDeletions, List<Change> samples, List<Outdated> outdated, long millis) {

    /** A delta row older than what is stored for its record: skipped, so a late file cannot undo a later change. */
    public record Outdated(String file, long line, String sourcedId, Instant dateLastModified, Instant storedDateLastModified) {

        @Override
        public String toString() {
            return file + " line " + line + ": '" + sourcedId + "' changed at " + dateLastModified + ", but the stored record was changed at "
                + storedDateLastModified + "; the row was skipped";
        }
    }

    public record Counts(long created, long updated, long deleted, long unchanged) {

        public long changed() {
            return created + updated + deleted;
        }
    }

    public record Change(String kind, String id, String change) {
    }

    /** A school that would lose {@code deleted} of its {@code people} people. */
    public record LargeDeletion(String schoolId, long people, long deleted) {

        @Override
        public String toString() {
            return schoolId + " would lose " + deleted + " of its " + people + " people";
        }
    }

    public boolean noChange() {
        return changes.values().stream().allMatch(c -> c.changed() == 0);
    }

    /** What changed, for the audit: {@code people: 3 created, 2 updated, 0 deleted; classes: ...}. */
    public String changesInWords() {
        return changes.entrySet().stream().filter(change -> change.getValue().changed() > 0)
            .map(change -> change.getKey() + ": " + change.getValue().created() + " created, " + change.getValue().updated()
                + " updated, " + change.getValue().deleted() + " deleted")
            .collect(java.util.stream.Collectors.joining("; "));
    }
}
