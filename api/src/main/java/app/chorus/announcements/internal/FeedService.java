package app.chorus.announcements.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * A person's feed: every live announcement whose audience keys meet theirs (for a carer, all their children's
 * schools, year groups and classes), one item per announcement however many of their keys or schools it
 * reaches, newest first, with unread and awaiting-acknowledgement counts and delta sync.
 */
@Service
public class FeedService {

    static final int MAX_DELTA = 200;
    private final FeedStore feed;
    private final FeedRecipients recipients;
    private final ReceiptService receipts;
    private final ReaderStates readers;
    private final FeedCounts counted = new FeedCounts();

    FeedService(FeedStore feed, FeedRecipients recipients, ReceiptService receipts, ReaderStates readers) {
        this.feed = feed;
        this.recipients = recipients;
        this.receipts = receipts;
        this.readers = readers;
    }

    public Mono<FeedPage> page(CurrentUser user, String cursor, int limit, String language) {
        int size = PositionCursor.atMost(limit, 100);
        FeedIndex.FeedCursor after = cursor == null || cursor.isBlank() ? null : toFeedCursor(Cursors.position(cursor));
        return context(user).map(context -> {
            Instant now = Instant.now();
            Map<String, List<FeedEntry>> groups = new LinkedHashMap<>();
            boolean[] more = {false};
            feed.index().walk(context.recipient.keys(), after, entry -> {
                if (!entry.isShownAt(now)) {
                    return true;
                }
                if (groups.size() == size && !groups.containsKey(entry.announcementId())) {
                    more[0] = true;
                    return false;
                }
                groups.computeIfAbsent(entry.announcementId(), id -> new ArrayList<>(1)).add(entry);
                return true;
            });
            FeedCounts.Counts counts = counts(context, now);
            String lang = language != null && !language.isBlank() ? language : context.recipient.language();
            List<FeedItem> items = groups.values().stream().map(editions -> FeedItem.of(editions, lang, context.reader)).toList();
            String next = null;
            if (more[0]) {
                FeedEntry last = groups.values().stream().reduce((a, b) -> b).orElseThrow().get(0);
                next = Cursors.position(last.sortAt(), last.announcementId());
            }
            return new FeedPage(items, next, counts.unread(), counts.awaiting(), Cursors.sequence(counts.maxSeq()));
        });
    }

    public Mono<FeedDelta> since(CurrentUser user, String since, String language) {
        long from = Cursors.sequence(since);
        return context(user).map(context -> delta(context, from, language));
    }

    public Mono<FeedItem> item(CurrentUser user, String announcementId, String language) {
        return context(user).map(context -> toItem(context, visibleEditions(context, announcementId), language));
    }

    public Mono<FeedItem> open(CurrentUser user, String announcementId) {
        return context(user).flatMap(context -> {
            visibleEditions(context, announcementId);
            return receipts.recordOpened(announcementId, user.personId(), Instant.now());
        }).then(item(user, announcementId, null));
    }

    /** Records the acknowledgement once; sending it again changes nothing and answers the same. */
    public Mono<FeedItem> acknowledge(CurrentUser user, String announcementId) {
        return context(user).flatMap(context -> {
            List<FeedEntry> editions = visibleEditions(context, announcementId);
            if (editions.get(0).retracted()) {
                return Mono.error(Problem.conflict("announcement-withdrawn",
                    "The school withdrew this announcement, so there is nothing to acknowledge."));
            }
            if (!editions.get(0).requiresAcknowledgement()) {
                return Mono.error(Problem.conflict("acknowledgement-not-requested",
                    "This announcement does not ask for acknowledgement; opening it is enough."));
            }
            return receipts.recordAcknowledged(announcementId, user.personId(), Instant.now());
        }).then(item(user, announcementId, null));
    }

    private record Context(Recipient recipient, ReaderState reader) {
    }


    private Mono<Context> context(CurrentUser user) {
        if (!user.isLinkedToPerson()) {
            return Mono.error(Problem.forbidden("not-a-directory-person",
                "Your login is not linked to a person of the trust's directory, so you have no feed. Ask the trust admin."));
        }
        return feed.ready().then(Mono.zip(recipients.of(user.personId()), readers.of(user.personId()), Context::new));
    }

    private List<FeedEntry> editionsFor(Context context, String announcementId, Instant now) {
        return feed.index().editionsOf(announcementId).stream()
            .filter(entry -> entry.isShownAt(now) && context.recipient.matches(entry.audienceKeys()))
            .sorted(FeedIndex.ORDER).toList();
    }

    private List<FeedEntry> visibleEditions(Context context, String announcementId) {
        List<FeedEntry> editions = editionsFor(context, announcementId, Instant.now());
        if (editions.isEmpty()) {
            throw Problem.notFound("Announcement " + announcementId + " in your feed");
        }
        return editions;
    }

    private FeedItem toItem(Context context, List<FeedEntry> editions, String language) {
        String lang = language != null && !language.isBlank() ? language : context.recipient.language();
        return FeedItem.of(editions, lang, context.reader);
    }

    /** Unread and awaiting counts walk the whole feed: remembered until the index, the reader or an expiry changes them. */
    private FeedCounts.Counts counts(Context context, Instant now) {
        long version = feed.index().version();
        FeedCounts.Counts known = counted.get(context.recipient, context.reader, version, now);
        if (known != null) {
            return known;
        }
        FeedCounts.Counts fresh = count(context, now);
        counted.put(context.recipient, context.reader, version, fresh);
        return fresh;
    }

    private FeedCounts.Counts count(Context context, Instant now) {
        Set<String> seen = new HashSet<>();
        long[] unread = {0};
        long[] awaiting = {0};
        long[] maxSeq = {maxMarkSeq(context.reader, 0)};
        Instant[] nextExpiry = {null};
        feed.index().forEachOf(context.recipient.keys(), entry -> {
            maxSeq[0] = Math.max(maxSeq[0], entry.seq());
            if (!entry.isVisibleAt(now) || !seen.add(entry.announcementId())) {
                return;
            }
            if (entry.expiresAt() != null && (nextExpiry[0] == null || entry.expiresAt().isBefore(nextExpiry[0]))) {
                nextExpiry[0] = entry.expiresAt();
            }
            if (!context.reader.opened(entry.announcementId())) {
                unread[0]++;
            }
            if (entry.requiresAcknowledgement() && !context.reader.acknowledged(entry.announcementId())) {
                awaiting[0]++;
            }
        });
        return new FeedCounts.Counts(unread[0], awaiting[0], maxSeq[0], nextExpiry[0]);
    }

    private FeedDelta delta(Context context, long from, String language) {
        Instant now = Instant.now();
        Map<String, Long> changedAt = new HashMap<>();
        feed.index().forEachOf(context.recipient.keys(), entry -> {
            if (entry.seq() > from) {
                changedAt.merge(entry.announcementId(), entry.seq(), Math::max);
            }
        });
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(changedAt.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        boolean more = ordered.size() > MAX_DELTA;
        List<Map.Entry<String, Long>> batch = more ? ordered.subList(0, MAX_DELTA) : ordered;
        List<FeedItem> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Long> announcement : batch) {
            List<FeedEntry> editions = editionsFor(context, announcement.getKey(), now);
            if (editions.isEmpty()) {
                removed.add(announcement.getKey());
            } else {
                changed.add(toItem(context, editions, language));
            }
        }
        List<FeedDelta.ReadState> read = readSince(context.reader, from);
        FeedCounts.Counts counts = counts(context, now);
        long cursor = more ? batch.get(batch.size() - 1).getValue() : Math.max(from, counts.maxSeq());
        return new FeedDelta(changed, removed, read, Cursors.sequence(cursor), more, counts.unread(), counts.awaiting());
    }

    private static List<FeedDelta.ReadState> readSince(ReaderState reader, long from) {
        if (reader.items() == null) {
            return List.of();
        }
        return reader.items().entrySet().stream()
            .filter(item -> item.getValue().seq() != null && item.getValue().seq() > from)
            .sorted(Comparator.comparing(item -> item.getValue().seq()))
            .map(item -> new FeedDelta.ReadState(item.getKey(), item.getValue().openedAt(), item.getValue().acknowledgedAt()))
            .toList();
    }

    private static long maxMarkSeq(ReaderState reader, long floor) {
        long max = floor;
        if (reader.items() != null) {
            for (ReaderState.Mark mark : reader.items().values()) {
                if (mark.seq() != null) {
                    max = Math.max(max, mark.seq());
                }
            }
        }
        return max;
    }

    private static FeedIndex.FeedCursor toFeedCursor(Cursors.Position position) {
        return new FeedIndex.FeedCursor(position.at(), position.id());
    }
}
