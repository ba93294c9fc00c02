package app.chorus.announcements.internal;

import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One recipient's history with one announcement; {@code _id} is {@code ANNOUNCEMENT|PERSON}, so there is only one. */
@Document("announcement_receipts")
public record Receipt(@Id String id, String announcementId, String personId, Instant deliveredAt, Set<String> channels,
                      Instant openedAt, Instant acknowledgedAt) {

    static String idOf(String announcementId, String personId) {
        return announcementId + "|" + personId;
    }
}
