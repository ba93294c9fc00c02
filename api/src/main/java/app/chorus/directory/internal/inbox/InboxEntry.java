package app.chorus.directory.internal.inbox;

import app.chorus.shared.PositionCursor;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.bson.Document;

/**
 * A file set that arrived in the roster inbox and what came of it.
 *
 * @param state   RUNNING, IMPORTED or FAILED
 * @param report  for an imported set: the import's report (changes per school)
 * @param problem for a failed set: the problem, with every problem found in the files
 */
public record InboxEntry(String id, String name, Instant arrivedAt, String state, Instant finishedAt,
                         Map<String, Object> report, Map<String, Object> problem) {

    static InboxEntry of(Document doc) {
        return new InboxEntry(doc.getString("_id"), doc.getString("name"), instant(doc.getDate("arrivedAt")),
            doc.getString("state"), instant(doc.getDate("finishedAt")), doc.get("report", Document.class),
            doc.get("problem", Document.class));
    }

    public PositionCursor position() {
        return new PositionCursor(arrivedAt, id);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
