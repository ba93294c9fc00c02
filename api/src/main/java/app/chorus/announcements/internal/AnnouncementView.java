package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An announcement as its authors, approvers and school leaders see it. {@code authorName} is the author's name in the
 * directory where the read looked it up (the list of announcements does), otherwise null.
 */
public record AnnouncementView(String id, AnnouncementStatus status, String schoolId, String authorId, String authorName,
                               Audience audience,
                               Priority priority, boolean requiresAcknowledgement, Instant acknowledgeBy,
                               String defaultLanguage, Map<String, Content> translations, List<Link> links,
                               List<Attachment> attachments, int version, boolean edited, Instant editedAt, String editReason,
                               List<Integer> previousVersions, boolean needsApproval, String approvedBy,
                               String returnComment, Instant publishAt, Instant publishedAt, Instant expiresAt,
                               Instant retractedAt, String retractionReason, TrustWide trustWide,
                               List<SchoolAdoption> adoption, Instant createdAt, Instant updatedAt) {

    /** One school's answer to an adaptable trust-wide post: adopted, adapted, declined or pending. */
    public record SchoolAdoption(String schoolId, AdoptionStatus status, boolean byDefault, String localNote,
                                 Instant publishAt, String declineReason, Instant decidedAt, Instant liveAt) {
    }

    static AnnouncementView of(Announcement a, Instant now) {
        return of(a, now, null);
    }

    static AnnouncementView of(Announcement a, Instant now, String authorName) {
        List<SchoolAdoption> adoption = a.isAdaptable()
            ? a.editions().values().stream().map(e -> new SchoolAdoption(e.schoolId(), e.adoption(), e.adoptedByDefault(),
                e.localNote(), e.publishAt() != null ? e.publishAt() : e.dueAt(a), e.declineReason(), e.decidedAt(), e.liveAt())).toList()
            : List.of();
        return new AnnouncementView(a.id(), a.status(now), a.schoolId(), a.authorId(), authorName, a.audience(), a.priority(),
            a.requiresAcknowledgement(), a.acknowledgeBy(), a.defaultLanguage(), a.translations(), a.links(), a.attachments(),
            a.version(), a.version() > 1, a.editedAt(), a.editReason(), a.history().stream().map(PastVersion::version).toList(),
            a.needsApproval(), a.approvedBy(), a.returnComment(), a.publishAt(), a.publishedAt(), a.expiresAt(),
            a.retractedAt(), a.retractionReason(), a.trustWide(), adoption, a.createdAt(), a.updatedAt());
    }
}
