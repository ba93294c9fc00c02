package app.chorus.announcements.internal;

import java.time.Instant;
import java.util.List;

/**
 * What changed in a person's feed since a delta cursor: new or edited items, tombstones of retracted or expired
 * ones, and announcements opened or acknowledged on another device. Call again with {@code cursor} (at once
 * while {@code more} is true).
 */
public record FeedDelta(List<FeedItem> changed, List<String> removed, List<ReadState> read, String cursor, boolean more,
                        long unread, long awaitingAcknowledgement) {

    public record ReadState(String id, Instant openedAt, Instant acknowledgedAt) {
    }
}
