package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One live edition as feeds show it: the read model behind {@code /api/v1/feed}. Written (idempotently) when an
 * edition is announced, rewritten on edits, turned into a tombstone on retraction. With a real MongoDB a feed
 * page is {@code {audienceKeys: {$in: keys}}} sorted by {@code sortAt} desc on index
 * {@code {audienceKeys: 1, sortAt: -1, announcementId: -1}}; on the embedded store it is served from {@link FeedIndex}.
 *
 * @param id             the edition's event id ({@code ID} or {@code ID@SCHOOL})
 * @param sortAt         the announcement's publish time, shared by all its editions so they sort together
 * @param seq            global change sequence (delta sync)
 * @param retracted      a tombstone: readers who had the post keep its title, date and the reason, never its body
 */
@Document("announcement_feed")
public record FeedEntry(@Id String id, String announcementId, String schoolId, List<String> audienceKeys, Instant sortAt,
                        Instant publishedAt, Instant updatedAt, Instant expiresAt, long seq, boolean retracted, int version,
                        boolean edited, Priority priority, boolean requiresAcknowledgement, Instant acknowledgeBy,
                        String defaultLanguage, Map<String, Content> translations, String localNote, List<Link> links,
                        List<Attachment> attachments, Instant editedAt, String editReason, Instant retractedAt,
                        String retractionReason) {

    /** Live and unexpired: counts as unread or awaiting acknowledgement. */
    boolean isVisibleAt(Instant now) {
        return !retracted && isShownAt(now);
    }

    /** In readers' feeds: live or withdrawn (as a tombstone), until it expires. */
    boolean isShownAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    Content contentIn(String language) {
        Content content = translations.get(language);
        return content != null ? content : translations.get(defaultLanguage);
    }
}
