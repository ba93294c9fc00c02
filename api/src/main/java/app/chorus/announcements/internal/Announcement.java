package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The announcement aggregate: content with its versions and translations, audience, approval, scheduling,
 * retraction and, for adaptable trust-wide posts, each school's edition. Every rule of the lifecycle lives
 * here; {@link AnnouncementManagement} loads, calls one method and saves (optimistic locking on {@code revision}).
 */
@Document("announcements")
public class Announcement {

    @Id
    String id;
    @Version
    Long revision;
    String schoolId;
    String authorId;
    Audience audience;
    List<String> audienceKeys;
    Priority priority;
    boolean requiresAcknowledgement;
    Instant acknowledgeBy;
    String defaultLanguage;
    Map<String, Content> translations;
    List<Link> links;
    List<Attachment> attachments = new ArrayList<>();
    int version;
    List<PastVersion> history = new ArrayList<>();
    Instant editedAt;
    /** Why the latest edit of the published announcement was made, as readers see it; null when none was given. */
    String editReason;
    AnnouncementStatus status;
    boolean needsApproval;
    String approvedBy;
    Instant approvedAt;
    String returnComment;
    Instant publishAt;
    Instant publishedAt;
    Instant expiresAt;
    Instant retractedAt;
    String retractionReason;
    TrustWide trustWide;
    Map<String, Edition> editions = new LinkedHashMap<>();
    /** When the sweeper must next look at this announcement (publish an edition, re-announce, retract); null = never. */
    Instant nextEventDueAt;
    Instant createdAt;
    Instant updatedAt;

    Announcement() {
    }

    static Announcement draft(String id, String authorId, AnnouncementDraft draft, Instant now) {
        Announcement announcement = new Announcement();
        announcement.id = id;
        announcement.authorId = authorId;
        announcement.version = 1;
        announcement.status = AnnouncementStatus.DRAFT;
        announcement.createdAt = now;
        announcement.apply(draft, now);
        return announcement;
    }

    /** Changes content and settings; a published announcement keeps its previous version and is re-announced. */
    void edit(AnnouncementDraft draft, String reason, String by, Instant now) {
        requireNotFinished(now);
        if (isLive()) {
            if (!Objects.equals(draft.audience(), audience) || !Objects.equals(draft.schoolId(), schoolId)) {
                throw Problem.conflict("audience-fixed-once-published",
                    "A published announcement's audience and school cannot change. Retract it and publish a new one.");
            }
            history.add(new PastVersion(version, translations, now, by, reason));
            version++;
            editedAt = now;
            editReason = reason;
            translations = draft.translations();
            links = draft.links();
            priority = draft.priority();
            requiresAcknowledgement = draft.requiresAcknowledgement();
            acknowledgeBy = draft.acknowledgeBy();
            expiresAt = draft.expiresAt();
            nextEventDueAt = now;
            updatedAt = now;
            return;
        }
        apply(draft, now);
    }

    private void apply(AnnouncementDraft draft, Instant now) {
        schoolId = draft.schoolId();
        audience = draft.audience();
        audienceKeys = List.copyOf(draft.audience().keys());
        priority = draft.priority();
        requiresAcknowledgement = draft.requiresAcknowledgement();
        acknowledgeBy = draft.acknowledgeBy();
        defaultLanguage = draft.defaultLanguage();
        translations = draft.translations();
        links = draft.links();
        publishAt = draft.trustWide() != null && draft.trustWide().adaptable() ? draft.trustWide().windowStart() : draft.publishAt();
        expiresAt = draft.expiresAt();
        trustWide = draft.trustWide();
        updatedAt = now;
        if (!editions.isEmpty()) {
            nextEventDueAt = earliestDue();
        }
    }

    /** The author is done: off to a leader for approval, or straight to scheduling. */
    void submit(boolean approvalNeeded, Instant now) {
        if (status != AnnouncementStatus.DRAFT && status != AnnouncementStatus.RETURNED) {
            throw Problem.conflict("not-a-draft", "Only a draft or a returned announcement can be submitted; this one is "
                + status(now).name().toLowerCase() + ".");
        }
        needsApproval = approvalNeeded;
        returnComment = null;
        status = approvalNeeded ? AnnouncementStatus.PENDING_APPROVAL : AnnouncementStatus.SCHEDULED;
        updatedAt = now;
    }

    void approve(String by, Instant now) {
        requirePendingApproval(now);
        approvedBy = by;
        approvedAt = now;
        status = AnnouncementStatus.SCHEDULED;
        updatedAt = now;
    }

    void returnToAuthor(String comment, Instant now) {
        requirePendingApproval(now);
        returnComment = comment;
        status = AnnouncementStatus.RETURNED;
        updatedAt = now;
    }

    /** Lays out what goes live when: one edition, or one per school for adaptable trust-wide posts. */
    void schedule(Map<String, Edition> layout, Instant now) {
        if (isAdaptable() && !trustWide.windowEnd().isAfter(now)) {
            throw Problem.badRequest("window-closed", "The schools' window closed at " + trustWide.windowEnd()
                + ". Edit the announcement with a new window, then submit or approve it again.").with("field", "trustWide.windowEnd");
        }
        if (publishAt == null || publishAt.isBefore(now)) {
            publishAt = now;
        }
        editions = new LinkedHashMap<>(layout);
        nextEventDueAt = earliestDue();
    }

    void retract(String reason, Instant now) {
        if (status == AnnouncementStatus.RETRACTED) {
            throw Problem.conflict("already-retracted", "This announcement was already retracted on " + retractedAt + ".");
        }
        if (status != AnnouncementStatus.SCHEDULED && status != AnnouncementStatus.PUBLISHED) {
            throw Problem.conflict("not-published", "Only a scheduled or published announcement can be retracted; delete or edit the draft instead.");
        }
        status = AnnouncementStatus.RETRACTED;
        retractedAt = now;
        retractionReason = reason;
        nextEventDueAt = now;
        updatedAt = now;
    }

    void adopt(String school, String localNote, Instant schoolPublishAt, String by, Instant now) {
        Edition edition = undecidedEdition(school, now);
        if (schoolPublishAt != null && (schoolPublishAt.isBefore(trustWide.windowStart()) || schoolPublishAt.isAfter(trustWide.windowEnd()))) {
            throw Problem.badRequest("publish-at-outside-window", "Choose a publish time between " + trustWide.windowStart()
                + " and " + trustWide.windowEnd() + ", the window the trust set.").with("field", "publishAt");
        }
        if (schoolPublishAt != null && schoolPublishAt.isBefore(now)) {
            throw Problem.badRequest("publish-at-in-past", "publishAt " + schoolPublishAt + " is in the past.").with("field", "publishAt");
        }
        boolean adapted = localNote != null && !localNote.isBlank();
        edition.adoption = adapted ? AdoptionStatus.ADAPTED : AdoptionStatus.ADOPTED;
        edition.localNote = adapted ? localNote.strip() : null;
        edition.publishAt = schoolPublishAt;
        decide(edition, by, now);
    }

    void decline(String school, String reason, String by, Instant now) {
        Edition edition = undecidedEdition(school, now);
        if (!trustWide.allowDecline()) {
            throw Problem.conflict("decline-not-allowed", "The trust did not allow schools to decline this announcement.");
        }
        edition.adoption = AdoptionStatus.DECLINED;
        edition.declineReason = reason;
        decide(edition, by, now);
    }

    private void decide(Edition edition, String by, Instant now) {
        edition.decidedBy = by;
        edition.decidedAt = now;
        nextEventDueAt = earliestDue();
        updatedAt = now;
    }

    private Edition undecidedEdition(String school, Instant now) {
        if (trustWide == null || !trustWide.adaptable()) {
            throw Problem.conflict("not-adaptable", "Only an adaptable trust-wide announcement can be adopted, adapted or declined by a school.");
        }
        if (status != AnnouncementStatus.SCHEDULED && status != AnnouncementStatus.PUBLISHED) {
            throw Problem.conflict("not-open-for-schools", "Schools can respond once the trust has scheduled the announcement; it is "
                + status(now).name().toLowerCase() + ".");
        }
        Edition edition = editions.get(school);
        if (edition == null) {
            throw Problem.notFound("School " + school + " in this announcement's audience");
        }
        if (edition.isLive()) {
            throw Problem.conflict("edition-already-live", "This school's edition is already published; it can no longer be changed.");
        }
        return edition;
    }

    /** Editions that must be announced or retracted now. */
    List<Edition> editionsDue(Instant now) {
        List<Edition> due = new ArrayList<>();
        for (Edition edition : editions.values()) {
            if (status == AnnouncementStatus.RETRACTED) {
                if (edition.isLive() && !edition.retractionAnnounced) {
                    due.add(edition);
                }
            } else if (status == AnnouncementStatus.SCHEDULED || status == AnnouncementStatus.PUBLISHED) {
                Instant dueAt = edition.dueAt(this);
                if (dueAt != null && !dueAt.isAfter(now) && edition.announcedVersion < version) {
                    due.add(edition);
                }
            }
        }
        return due;
    }

    /** The edition went live (or was re-announced after an edit) at this version. */
    void announced(String editionKey, int announcedVersion, Instant now) {
        Edition edition = editions.get(editionKey);
        if (edition.adoption == AdoptionStatus.PENDING) {
            edition.adoption = AdoptionStatus.ADOPTED;
            edition.adoptedByDefault = true;
        }
        if (edition.liveAt == null) {
            edition.liveAt = now;
        }
        edition.announcedVersion = Math.max(edition.announcedVersion, announcedVersion);
        if (status == AnnouncementStatus.SCHEDULED) {
            status = AnnouncementStatus.PUBLISHED;
            publishedAt = now;
        }
        nextEventDueAt = earliestDue();
    }

    void retractionAnnounced(String editionKey) {
        editions.get(editionKey).retractionAnnounced = true;
        nextEventDueAt = earliestDue();
    }

    private Instant earliestDue() {
        Instant earliest = null;
        for (Edition edition : editions.values()) {
            Instant due = status == AnnouncementStatus.RETRACTED
                ? (edition.isLive() && !edition.retractionAnnounced ? retractedAt : null)
                : (edition.announcedVersion < version ? edition.dueAt(this) : null);
            if (due != null && (earliest == null || due.isBefore(earliest))) {
                earliest = due;
            }
        }
        return earliest;
    }

    void requireAttachable(Instant now) {
        requireNotFinished(now);
        if (isLive()) {
            throw Problem.conflict("attachments-before-publishing",
                "Attach files before the announcement is published. To add a file now, retract it and publish a new one.");
        }
    }

    void attach(Attachment attachment, Instant now) {
        requireAttachable(now);
        attachments.add(attachment);
        updatedAt = now;
    }

    private void requireNotFinished(Instant now) {
        AnnouncementStatus current = status(now);
        if (current == AnnouncementStatus.RETRACTED || current == AnnouncementStatus.EXPIRED) {
            throw Problem.conflict("announcement-" + current.name().toLowerCase(),
                "This announcement is " + current.name().toLowerCase() + " and can no longer be changed. Publish a new one instead.");
        }
    }

    private void requirePendingApproval(Instant now) {
        if (status != AnnouncementStatus.PENDING_APPROVAL) {
            throw Problem.conflict("not-pending-approval", "This announcement is not waiting for approval; it is "
                + status(now).name().toLowerCase() + ".");
        }
    }

    boolean isLive() {
        return editions.values().stream().anyMatch(Edition::isLive);
    }

    boolean isAdaptable() {
        return trustWide != null && trustWide.adaptable();
    }

    public AnnouncementStatus status(Instant now) {
        if (expiresAt != null && !expiresAt.isAfter(now) && status != AnnouncementStatus.RETRACTED) {
            return AnnouncementStatus.EXPIRED;
        }
        return status;
    }

    public String id() { return id; }
    public String schoolId() { return schoolId; }
    public String authorId() { return authorId; }
    public Audience audience() { return audience; }
    public List<String> audienceKeys() { return audienceKeys; }
    public Priority priority() { return priority; }
    public boolean requiresAcknowledgement() { return requiresAcknowledgement; }
    public Instant acknowledgeBy() { return acknowledgeBy; }
    public String defaultLanguage() { return defaultLanguage; }
    public Map<String, Content> translations() { return translations; }
    public List<Link> links() { return links; }
    public List<Attachment> attachments() { return attachments; }
    public int version() { return version; }
    public List<PastVersion> history() { return history; }
    public Instant editedAt() { return editedAt; }
    public String editReason() { return editReason; }
    public boolean needsApproval() { return needsApproval; }
    public String approvedBy() { return approvedBy; }
    public String returnComment() { return returnComment; }
    public Instant publishAt() { return publishAt; }
    public Instant publishedAt() { return publishedAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant retractedAt() { return retractedAt; }
    public String retractionReason() { return retractionReason; }
    public TrustWide trustWide() { return trustWide; }
    public Map<String, Edition> editions() { return editions; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
