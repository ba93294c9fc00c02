package app.chorus.announcements.internal;

/** Where an announcement is in its life. EXPIRED is derived from {@code expiresAt}, never stored. */
public enum AnnouncementStatus { DRAFT, PENDING_APPROVAL, RETURNED, SCHEDULED, PUBLISHED, RETRACTED, EXPIRED }
