package app.chorus.announcements;

import java.time.Instant;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * Records what happened to an announcement at one recipient. Called by notifications (a push or an email was
 * delivered) and by the feed (the person opened it). Every call is idempotent: the first time counts, repeats
 * change nothing, so callers may retry freely (at-least-once).
 *
 * <p>{@code announcementId} is the id carried by {@link AnnouncementPublished}; for one school's edition of an
 * adaptable trust-wide announcement that is {@code BASEID@SCHOOLID}, which is accepted here as it is.
 */
public interface AnnouncementReceipts {

    /** The announcement reached one of the person's devices or inboxes ({@code channel}: "push", "email", "feed"). */
    Mono<Void> recordDelivered(String announcementId, String personId, String channel, Instant at);

    /**
     * The announcement reached these people by {@code channel} (one fan-out batch): the same as one call per
     * person, in a handful of store round trips. Each person still counts once however often this is repeated.
     */
    Mono<Void> recordDelivered(String announcementId, Collection<String> personIds, String channel, Instant at);

    /**
     * {@code count} pushes of the announcement were given up for {@code reason} ("expired": FCM could not take them
     * before they stopped mattering; "refused": FCM refused them for good; for the email fallback "emailNotSent": no
     * address on record or no mail server, "emailExpired"; ADR 0415), shown to leaders with its reach. Unlike
     * the others this call adds up: notifications make it once per stored batch outcome (ADR 0343).
     */
    Mono<Void> recordPushesGivenUp(String announcementId, String reason, long count);

    /** The person opened (read) the announcement. */
    Mono<Void> recordOpened(String announcementId, String personId, Instant at);

    /** Whether the person has opened the announcement, in the feed or from a push (notifications skip its email then). */
    Mono<Boolean> opened(String announcementId, String personId);
}
