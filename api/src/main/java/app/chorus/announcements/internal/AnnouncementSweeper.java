package app.chorus.announcements.internal;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires scheduled publications and re-announces anything never confirmed (crash, failed listener, lost
 * optimistic lock). State lives in the store ({@code nextEventDueAt}, listed in {@link DueAnnouncements}), so scheduling survives restarts; the
 * state change to published is one optimistic-locked save, so it happens once even with several instances.
 * Also drives the feed's catch-up with other replicas ({@link FeedStore#catchUp()}). Runs on its own reactive
 * timer: a failed sweep is logged and the next one runs anyway.
 */
@Component
class AnnouncementSweeper {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementSweeper.class);
    private static final int BATCH = 200;
    private final DueAnnouncements due;
    private final Announcer announcer;
    private final FeedStore feed;
    private final Duration every;
    private Disposable timer;

    AnnouncementSweeper(DueAnnouncements due, Announcer announcer, FeedStore feed,
                        @Value("${chorus.announcements.sweep-interval:1s}") Duration every) {
        this.due = due;
        this.announcer = announcer;
        this.feed = feed;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Flux.interval(every, every)
            .onBackpressureDrop()
            .concatMap(tick -> sweep().then(feed.catchUp()).onErrorResume(failure -> {
                log.warn("Announcement sweep failed; retrying in {}", every, failure);
                return Mono.empty();
            }))
            .subscribe();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    Mono<Void> sweep() {
        return due.dueAt(Instant.now(), BATCH).concatMap(announcer::announceDue).then();
    }
}
