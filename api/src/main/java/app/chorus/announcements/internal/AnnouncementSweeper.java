package app.chorus.announcements.internal;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fires scheduled publications and re-announces anything never confirmed (crash, failed listener, lost
 * optimistic lock). State lives in the store ({@code nextEventDueAt}), so scheduling survives restarts; the
 * state change to published is one optimistic-locked save, so it happens once even with several instances.
 * Also drives the feed's catch-up with other replicas ({@link FeedStore#catchUp()}). Runs on its own reactive
 * timer: a failed sweep is logged and the next one runs anyway.
 */
@Component
class AnnouncementSweeper {

    private static final Logger log = LoggerFactory.getLogger(AnnouncementSweeper.class);
    private static final int BATCH = 200;
    private final ReactiveMongoTemplate mongo;
    private final Announcer announcer;
    private final FeedStore feed;
    private final Duration every;
    private Disposable timer;

    AnnouncementSweeper(ReactiveMongoTemplate mongo, Announcer announcer, FeedStore feed,
                        @Value("${chorus.announcements.sweep-interval:1s}") Duration every) {
        this.mongo = mongo;
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
        Query due = Query.query(Criteria.where("nextEventDueAt").lte(Instant.now())).limit(BATCH);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, "announcements")
            .concatMap(document -> announcer.announceDue(document.getString("_id")))
            .then();
    }
}
