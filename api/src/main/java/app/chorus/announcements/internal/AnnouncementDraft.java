package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The author-editable part of an announcement, already validated and rendered. */
public record AnnouncementDraft(String schoolId, Audience audience, Priority priority, boolean requiresAcknowledgement,
                                Instant acknowledgeBy, String defaultLanguage, Map<String, Content> translations,
                                List<Link> links, Instant publishAt, Instant expiresAt, TrustWide trustWide) {
}
