package app.chorus.announcements;

import java.time.Instant;

/** An announcement was withdrawn; feeds drop it and pending pushes for it stop. */
public record AnnouncementRetracted(String announcementId, String reason, Instant retractedAt) {
}
