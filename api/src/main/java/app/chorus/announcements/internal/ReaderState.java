package app.chorus.announcements.internal;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What one person has opened and acknowledged, in one document read by id for every feed page (unread and
 * awaiting-acknowledgement counts, "read elsewhere" in delta sync). The per-(announcement, person) receipts stay
 * the record for analytics; this is the person-side read model.
 */
@Document("announcement_readers")
public record ReaderState(@Id String personId, Map<String, Mark> items) {

    public record Mark(Instant openedAt, Instant acknowledgedAt, Long seq) {
    }

    static ReaderState empty(String personId) {
        return new ReaderState(personId, Map.of());
    }

    Mark markOf(String announcementId) {
        return items == null ? null : items.get(announcementId);
    }

    boolean opened(String announcementId) {
        Mark mark = markOf(announcementId);
        return mark != null && mark.openedAt() != null;
    }

    boolean acknowledged(String announcementId) {
        Mark mark = markOf(announcementId);
        return mark != null && mark.acknowledgedAt() != null;
    }
}
