package app.chorus.announcements.internal;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.AnnouncementRetracted;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.platform.DomainEvents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes due editions live (feed entry + {@link AnnouncementPublished}) and retractions known (tombstone +
 * {@link AnnouncementRetracted}), then records on the announcement which version each edition announced.
 * Everything before that record is idempotent, so a crash or a failed listener only means "do it again": the
 * {@link AnnouncementSweeper} re-runs whatever was never confirmed (at-least-once, ADR 0042).
 */
@Component
class Announcer {

    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    private final ReactiveMongoTemplate mongo;
    private final FeedStore feed;
    private final ChangeSequence sequence;
    private final DomainEvents events;
    private final AudienceResolver resolver;
    private final ReachCounters counters;
    private final DueAnnouncements dueList;

    Announcer(ReactiveMongoTemplate mongo, FeedStore feed, ChangeSequence sequence, DomainEvents events,
              AudienceResolver resolver, ReachCounters counters, DueAnnouncements dueList) {
        this.mongo = mongo;
        this.feed = feed;
        this.sequence = sequence;
        this.events = events;
        this.resolver = resolver;
        this.counters = counters;
        this.dueList = dueList;
    }

    /** Announces what is due of this announcement; emits it as saved (or as found if nothing was due). */
    Mono<Announcement> announceDue(String id) {
        return mongo.findById(id, Announcement.class).flatMap(this::announceDue);
    }

    Mono<Announcement> announceDue(Announcement announcement) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var due = announcement.editionsDue(now);
        if (due.isEmpty()) {
            return dueList.sync(announcement).thenReturn(announcement);
        }
        boolean firstTime = !announcement.isLive();
        return baseline(announcement, firstTime)
            .thenMany(Flux.fromIterable(due).concatMap(edition -> announce(announcement, edition, now)
                .onErrorResume(failure -> {
                    log.warn("Announcing {} ({}) failed; the sweeper retries", announcement.id(), edition.key(), failure);
                    return Mono.empty();
                })))
            .then(Mono.defer(() -> dueList.save(announcement)))
            .onErrorResume(OptimisticLockingFailureException.class, changed -> {
                log.info("Announcement {} changed while being announced; the sweeper looks again", announcement.id());
                return mongo.findById(announcement.id(), Announcement.class);
            });
    }

    private Mono<Void> baseline(Announcement announcement, boolean firstTime) {
        if (!firstTime || announcement.status(Instant.now()) == AnnouncementStatus.RETRACTED) {
            return Mono.empty();
        }
        return resolver.reach(announcement.audience())
            .flatMap(reach -> counters.baseline(announcement.id(), reach))
            .onErrorResume(failure -> {
                log.warn("Could not count the audience of {}", announcement.id(), failure);
                return Mono.empty();
            });
    }

    private Mono<Void> announce(Announcement announcement, Edition edition, Instant now) {
        String eventId = edition.eventId(announcement.id());
        boolean retracting = announcement.status(now) == AnnouncementStatus.RETRACTED;
        return sequence.next()
            .flatMap(seq -> feed.write(entryOf(announcement, edition, seq, now, retracting)))
            .then(Mono.defer(() -> events.publish(retracting
                ? new AnnouncementRetracted(eventId, announcement.retractionReason(), announcement.retractedAt())
                : published(announcement, edition, eventId, now))))
            .then(Mono.fromRunnable(() -> {
                log.info("{} {} (version {})", retracting ? "Retracted" : "Announced", eventId, announcement.version());
                if (retracting) {
                    announcement.retractionAnnounced(edition.key());
                } else {
                    announcement.announced(edition.key(), announcement.version(), now);
                }
            }));
    }

    private static FeedEntry entryOf(Announcement a, Edition edition, long seq, Instant now, boolean retracted) {
        Instant liveAt = edition.liveAt() != null ? edition.liveAt() : now;
        return new FeedEntry(edition.eventId(a.id()), a.id(), edition.schoolId() != null ? edition.schoolId() : a.schoolId(),
            edition.audienceKeys(), a.publishAt(), liveAt, now, a.expiresAt(), seq, retracted, a.version(), a.version() > 1,
            a.priority(), a.requiresAcknowledgement(), a.acknowledgeBy(), a.defaultLanguage(), a.translations(),
            edition.localNote(), a.links(), a.attachments(), a.editedAt(), a.editReason(), a.retractedAt(), a.retractionReason());
    }

    private static AnnouncementPublished published(Announcement a, Edition edition, String eventId, Instant now) {
        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> summaries = new LinkedHashMap<>();
        a.translations().forEach((language, content) -> {
            titles.put(language, content.title());
            summaries.put(language, content.summary());
        });
        String school = edition.schoolId() != null ? edition.schoolId() : a.schoolId();
        return new AnnouncementPublished(eventId, a.version(), school, audienceOf(a, edition), a.priority(),
            a.requiresAcknowledgement(), titles, summaries, a.defaultLanguage(), edition.liveAt() != null ? edition.liveAt() : now,
            a.version() > 1 ? a.editReason() : null);
    }

    /** A school's edition reaches only that school's part of the trust-wide audience. */
    static Audience audienceOf(Announcement a, Edition edition) {
        Audience audience = a.audience();
        if (edition.schoolId() == null) {
            return audience;
        }
        if (audience.scope() == Audience.Scope.YEAR_GROUPS) {
            Set<String> years = new LinkedHashSet<>();
            audience.ids().stream().filter(id -> id.startsWith(edition.schoolId() + ":")).forEach(years::add);
            return new Audience(Audience.Scope.YEAR_GROUPS, years, audience.roles());
        }
        return new Audience(Audience.Scope.SCHOOLS, Set.of(edition.schoolId()), audience.roles());
    }
}
