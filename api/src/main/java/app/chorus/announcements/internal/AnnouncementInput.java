package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an author sends to create or edit an announcement.
 *
 * @param schoolId     the school speaking; required for class posts, omitted for the trust's voice
 * @param translations title and Markdown body per language tag; must include {@code defaultLanguage}
 * @param publishAt    when to publish (future; omitted = as soon as approved/submitted)
 * @param trustWide    for trust-wide posts: identical everywhere or adaptable by schools
 * @param editReason   on an edit of a published announcement: why it changed, shown to readers beside the edit date
 *                     (optional, up to 500 characters; not used on drafts)
 */
public record AnnouncementInput(
    String schoolId,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Audience audience,
    Priority priority,
    Boolean requiresAcknowledgement,
    Instant acknowledgeBy,
    String defaultLanguage,
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Translation> translations,
    List<LinkInput> links,
    Instant publishAt,
    Instant expiresAt,
    TrustWideInput trustWide,
    String editReason) {

    /** A draft's input, with no edit reason. */
    public AnnouncementInput(String schoolId, Audience audience, Priority priority, Boolean requiresAcknowledgement,
                             Instant acknowledgeBy, String defaultLanguage, Map<String, Translation> translations,
                             List<LinkInput> links, Instant publishAt, Instant expiresAt, TrustWideInput trustWide) {
        this(schoolId, audience, priority, requiresAcknowledgement, acknowledgeBy, defaultLanguage, translations, links,
            publishAt, expiresAt, trustWide, null);
    }

    public record Translation(String title, String body) {
    }

    public record LinkInput(String title, String url) {
    }

    /** {@code mode}: IDENTICAL or ADAPTABLE; the window bounds when schools may publish their edition. */
    public record TrustWideInput(Mode mode, Instant windowStart, Instant windowEnd, Boolean allowDecline) {
        public enum Mode { IDENTICAL, ADAPTABLE }
    }
}
