package app.chorus.announcements;

import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.Map;

/**
 * An announcement (or one school's adaptation of a trust-wide one) went live for an audience.
 * Published at least once per {@code (announcementId, version)}: listeners are idempotent on that pair.
 *
 * @param announcementId   stable id (also the push collapse id's base)
 * @param version          content version; edits publish a new one
 * @param schoolId         the school speaking, or null for the trust
 * @param audience         who it reaches
 * @param priority         normal / important / urgent
 * @param requiresAcknowledgement carers must confirm they have read it
 * @param titles           title per language tag (e.g. "en", "pl"); always has {@code defaultLanguage}
 * @param summaries        a short plain-text summary per language, for push and email
 * @param defaultLanguage  the trust default language
 * @param publishedAt      when it went live
 * @param editReason       for an edit (version above 1): why, as the editor gave it; otherwise null
 */
public record AnnouncementPublished(String announcementId, int version, String schoolId, Audience audience,
                                    Priority priority, boolean requiresAcknowledgement,
                                    Map<String, String> titles, Map<String, String> summaries,
                                    String defaultLanguage, Instant publishedAt,
                                    String editReason) {

    /** A first publication (or an edit without a reason). */
    public AnnouncementPublished(String announcementId, int version, String schoolId, Audience audience, Priority priority,
                                 boolean requiresAcknowledgement, Map<String, String> titles, Map<String, String> summaries,
                                 String defaultLanguage, Instant publishedAt) {
        this(announcementId, version, schoolId, audience, priority, requiresAcknowledgement, titles, summaries,
            defaultLanguage, publishedAt, null);
    }
}
