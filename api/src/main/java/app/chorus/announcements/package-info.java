/**
 * Announcements: the trust's voice and each school's. Lifecycle, targeting, approval, scheduling,
 * translation, acknowledgement, reach, feeds. Publishes {@link app.chorus.announcements.AnnouncementPublished}
 * and {@link app.chorus.announcements.AnnouncementRetracted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Announcements")
package app.chorus.announcements;
