package app.chorus.announcements.internal;

import java.time.Instant;
import java.util.List;

/**
 * What goes live as one unit: the whole announcement ({@link #WHOLE}), or one school's edition of an adaptable
 * trust-wide announcement. Each edition is announced (feed entry + event) on its own and remembers which
 * content version it last announced, so a crash or an edit re-announces exactly what is missing.
 */
public class Edition {

    public static final String WHOLE = "all";

    String key;
    String schoolId;
    List<String> audienceKeys;
    AdoptionStatus adoption;
    boolean adoptedByDefault;
    String localNote;
    Instant publishAt;
    String declineReason;
    String decidedBy;
    Instant decidedAt;
    Instant liveAt;
    int announcedVersion;
    boolean retractionAnnounced;

    Edition() {
    }

    static Edition whole(List<String> audienceKeys) {
        Edition edition = new Edition();
        edition.key = WHOLE;
        edition.audienceKeys = List.copyOf(audienceKeys);
        return edition;
    }

    static Edition forSchool(String schoolId, List<String> audienceKeys) {
        Edition edition = new Edition();
        edition.key = schoolId;
        edition.schoolId = schoolId;
        edition.audienceKeys = List.copyOf(audienceKeys);
        edition.adoption = AdoptionStatus.PENDING;
        return edition;
    }

    /** When this edition should go live, or null when it never will (declined). */
    Instant dueAt(Announcement announcement) {
        if (adoption == AdoptionStatus.DECLINED) {
            return null;
        }
        if (adoption == AdoptionStatus.PENDING) {
            return announcement.trustWide.windowEnd();
        }
        return publishAt != null ? publishAt : announcement.publishAt;
    }

    boolean isLive() {
        return announcedVersion > 0;
    }

    /** The id other modules see: the announcement's, or {@code ID@SCHOOL} for a school's edition. */
    public String eventId(String announcementId) {
        return WHOLE.equals(key) ? announcementId : announcementId + "@" + schoolId;
    }

    public String key() { return key; }
    public String schoolId() { return schoolId; }
    public List<String> audienceKeys() { return audienceKeys; }
    public AdoptionStatus adoption() { return adoption; }
    public boolean adoptedByDefault() { return adoptedByDefault; }
    public String localNote() { return localNote; }
    public Instant publishAt() { return publishAt; }
    public String declineReason() { return declineReason; }
    public String decidedBy() { return decidedBy; }
    public Instant decidedAt() { return decidedAt; }
    public Instant liveAt() { return liveAt; }
}
