package app.chorus.announcements.internal;

import java.util.List;

/**
 * A page of a person's feed, newest first. {@code next} continues the list (null on the last page);
 * {@code sync} is the delta cursor to pass as {@code ?since=} later to get only what changed.
 */
public record FeedPage(List<FeedItem> items, String next, long unread, long awaitingAcknowledgement, String sync) {
}
