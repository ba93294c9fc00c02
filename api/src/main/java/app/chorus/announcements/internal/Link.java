package app.chorus.announcements.internal;

/** A link shown under an announcement (http, https or mailto only). */
public record Link(String title, String url) {
}
