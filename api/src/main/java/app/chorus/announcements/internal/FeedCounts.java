package app.chorus.announcements.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;

/**
 * Each person's last unread / awaiting-acknowledgement counts, with what they were computed from: the same
 * recipient (keys) and reader state objects (both caches hand out a new object when anything changes), the feed
 * index's version, and the first expiry that would change them. A page then walks only its own items, not the
 * person's whole feed (thousands of entries for a carer in a large trust).
 */
final class FeedCounts {

    private static final int MAX_CACHED = 200_000;
    private final Cache<String, Known> known = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();

    /** {@code nextExpiry}: the earliest expiry among the counted announcements, null if none expires. */
    record Counts(long unread, long awaiting, long maxSeq, Instant nextExpiry) {
    }

    private record Known(Recipient recipient, ReaderState reader, long indexVersion, Counts counts) {
    }

    Counts get(Recipient recipient, ReaderState reader, long indexVersion, Instant now) {
        Known entry = known.getIfPresent(recipient.personId());
        if (entry == null || entry.recipient != recipient || entry.reader != reader || entry.indexVersion != indexVersion) {
            return null;
        }
        Instant expiry = entry.counts.nextExpiry();
        return expiry == null || expiry.isAfter(now) ? entry.counts : null;
    }

    void put(Recipient recipient, ReaderState reader, long indexVersion, Counts counts) {
        known.put(recipient.personId(), new Known(recipient, reader, indexVersion, counts));
    }
}
