package app.chorus.retention.internal;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;

/**
 * One purge run as the api shows it.
 *
 * @param expiredBefore per kind, the moment before which its data had expired when the run started
 * @param purged        per kind, how many items were deleted or anonymised
 */
public record PurgeReport(String id, Instant startedAt, Instant finishedAt, Map<String, Instant> expiredBefore,
                          Map<String, Long> purged) {

    static PurgeReport of(Document run) {
        Map<String, Instant> cutoffs = new TreeMap<>();
        run.get(PurgeRuns.CUTOFFS, Document.class).forEach((kind, at) -> cutoffs.put(kind, ((Date) at).toInstant()));
        Map<String, Long> purged = new TreeMap<>();
        cutoffs.keySet().forEach(kind -> purged.put(kind, 0L));
        run.get(PurgeRuns.PURGED, Document.class).forEach((kind, n) -> purged.put(kind, ((Number) n).longValue()));
        Date finished = run.getDate(PurgeRuns.FINISHED);
        return new PurgeReport(run.getString("_id"), run.getDate("startedAt").toInstant(),
            finished == null ? null : finished.toInstant(), cutoffs, purged);
    }

    /** For the audit: {@code surveyResponses=12 devices=3 ...}. */
    String summary() {
        StringBuilder text = new StringBuilder();
        purged.forEach((kind, n) -> text.append(text.isEmpty() ? "" : " ").append(kind).append('=').append(n));
        return text.toString();
    }
}
