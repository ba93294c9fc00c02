package app.chorus.announcements.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * In-memory read model of the feed: per audience key, the entries addressed to it, newest first. The embedded
 * store has no secondary indexes, so this is what makes a feed page cheap (ADR 0041). Rebuilt from
 * {@code announcement_feed} at start, kept current by this instance's own writes, which is complete because
 * the embedded store lives in this process. With an external MongoDB the feed is read from the store instead.
 */
final class FeedIndex {

    /** Newest first; all editions of one announcement share sortAt and announcementId, so they are adjacent. */
    static final Comparator<FeedEntry> ORDER = Comparator.comparing(FeedEntry::sortAt).reversed()
        .thenComparing(FeedEntry::announcementId, Comparator.reverseOrder())
        .thenComparing(FeedEntry::id);

    private final Map<String, NavigableSet<FeedEntry>> byKey = new ConcurrentHashMap<>();
    private final Map<String, FeedEntry> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> editionIds = new ConcurrentHashMap<>();
    private volatile long version;

    synchronized void put(FeedEntry entry) {
        editionIds.computeIfAbsent(entry.announcementId(), id -> ConcurrentHashMap.newKeySet()).add(entry.id());
        FeedEntry previous = byId.get(entry.id());
        if (previous != null && previous.seq() > entry.seq()) {
            return;
        }
        byId.put(entry.id(), entry);
        if (previous != null) {
            previous.audienceKeys().forEach(key -> setOf(key).remove(previous));
        }
        entry.audienceKeys().forEach(key -> setOf(key).add(entry));
        version++;
    }

    /** Changes whenever an entry is added or replaced: what was computed from the index at one version still holds. */
    long version() {
        return version;
    }

    int size() {
        return byId.size();
    }

    /**
     * Walks the entries of these keys newest first, after the cursor position (exclusive), without duplicates of
     * the same entry; stops when the consumer's predicate says so.
     */
    void walk(Collection<String> keys, FeedCursor after, Predicate<FeedEntry> continueWith) {
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> ORDER.compare(a.current, b.current));
        FeedEntry probe = after == null ? null : after.probe();
        for (String key : keys) {
            NavigableSet<FeedEntry> set = byKey.get(key);
            if (set != null) {
                Iterator<FeedEntry> iterator = (probe == null ? set : set.tailSet(probe, false)).iterator();
                if (iterator.hasNext()) {
                    heads.add(new Head(iterator.next(), iterator));
                }
            }
        }
        String lastId = null;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            FeedEntry entry = head.current;
            if (head.advance()) {
                heads.add(head);
            }
            if (entry.id().equals(lastId)) {
                continue;
            }
            lastId = entry.id();
            if (!continueWith.test(entry)) {
                return;
            }
        }
    }

    /** Every distinct entry of these keys, in no particular order. */
    void forEachOf(Collection<String> keys, Consumer<FeedEntry> consumer) {
        Set<String> seen = new HashSet<>();
        for (String key : keys) {
            NavigableSet<FeedEntry> set = byKey.get(key);
            if (set != null) {
                for (FeedEntry entry : set) {
                    if (seen.add(entry.id())) {
                        consumer.accept(entry);
                    }
                }
            }
        }
    }

    List<FeedEntry> editionsOf(String announcementId) {
        List<FeedEntry> found = new ArrayList<>();
        editionIds.getOrDefault(announcementId, Set.of()).forEach(id -> found.add(byId.get(id)));
        return found;
    }

    private NavigableSet<FeedEntry> setOf(String key) {
        return byKey.computeIfAbsent(key, k -> new ConcurrentSkipListSet<>(ORDER));
    }

    private static final class Head {
        FeedEntry current;
        final Iterator<FeedEntry> rest;

        Head(FeedEntry current, Iterator<FeedEntry> rest) {
            this.current = current;
            this.rest = rest;
        }

        boolean advance() {
            if (!rest.hasNext()) {
                return false;
            }
            current = rest.next();
            return true;
        }
    }

    /** A position in the feed: after this announcement. */
    record FeedCursor(Instant sortAt, String announcementId) {

        FeedEntry probe() {
            return new FeedEntry("\uffff", announcementId, null, List.of(), sortAt, null, null, null, 0, false, 0, false,
                null, false, null, null, Map.of(), null, List.of(), List.of(), null, null, null, null);
        }
    }
}
