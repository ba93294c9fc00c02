package app.chorus.announcements.internal;

import app.chorus.announcements.Priority;
import java.time.Instant;
import java.util.List;

/**
 * One announcement in a person's feed, in their language (falling back to the announcement's default).
 * {@code localNotes} carries each of the person's schools' notes when schools adapted a trust-wide post.
 * {@code editedAt}/{@code editReason} say when and why a published post was last edited. A withdrawn post stays as a
 * tombstone ({@code withdrawn}, {@code withdrawnAt}, {@code withdrawalReason}): its title, never its body, links or files.
 */
public record FeedItem(String id, String schoolId, String language, String title, String summary, String html,
                       Priority priority, boolean requiresAcknowledgement, Instant acknowledgeBy, Instant publishedAt,
                       Instant updatedAt, Instant expiresAt, int version, boolean edited, List<LocalNote> localNotes,
                       List<Link> links, List<Attachment> attachments, Instant openedAt, Instant acknowledgedAt,
                       Instant editedAt, String editReason, boolean withdrawn, Instant withdrawnAt, String withdrawalReason) {

    public record LocalNote(String schoolId, String note) {
    }

    static FeedItem of(List<FeedEntry> editions, String language, ReaderState reader) {
        FeedEntry first = editions.get(0);
        Content content = first.contentIn(language);
        String shown = first.translations().containsKey(language) ? language : first.defaultLanguage();
        Instant publishedAt = editions.stream().map(FeedEntry::publishedAt).min(Instant::compareTo).orElse(first.publishedAt());
        Instant updatedAt = editions.stream().map(FeedEntry::updatedAt).max(Instant::compareTo).orElse(first.updatedAt());
        ReaderState.Mark mark = reader.markOf(first.announcementId());
        Instant openedAt = mark == null ? null : mark.openedAt();
        Instant acknowledgedAt = mark == null ? null : mark.acknowledgedAt();
        String schoolId = editions.size() == 1 ? first.schoolId() : null;
        if (first.retracted()) {
            return new FeedItem(first.announcementId(), schoolId, shown, content.title(), null, null, first.priority(), false,
                null, publishedAt, updatedAt, first.expiresAt(), first.version(), first.edited(), List.of(), List.of(), List.of(),
                openedAt, acknowledgedAt, first.editedAt(), first.editReason(), true, first.retractedAt(), first.retractionReason());
        }
        List<LocalNote> notes = editions.stream().filter(e -> e.localNote() != null)
            .map(e -> new LocalNote(e.schoolId(), e.localNote())).toList();
        return new FeedItem(first.announcementId(), schoolId, shown, content.title(),
            content.summary(), content.html(), first.priority(), first.requiresAcknowledgement(), first.acknowledgeBy(),
            publishedAt, updatedAt, first.expiresAt(), first.version(), first.edited(), notes, first.links(),
            first.attachments(), openedAt, acknowledgedAt, first.editedAt(), first.editReason(), false, null, null);
    }
}
