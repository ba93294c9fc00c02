package app.chorus.announcements.internal;

/** A file attached to an announcement, stored in GridFS; {@code contentType} comes from its bytes. */
public record Attachment(String id, String filename, String contentType, long size) {
}
