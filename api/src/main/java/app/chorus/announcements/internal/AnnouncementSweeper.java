package app.chorus.announcements.internal;

import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Fires scheduled publications and re-announces anything never confirmed (crash, failed listener, lost
 * optimistic lock). State lives in the store ({@code nextEventDueAt}), so scheduling survives restarts; the
 * state change to published is one optimistic-locked save, so it happens once even with several instances.
 */
@Component
class AnnouncementSweeper {

    private static final int BATCH = 200;
    private final ReactiveMongoTemplate mongo;
    private final Announcer announcer;

    AnnouncementSweeper(ReactiveMongoTemplate mongo, Announcer announcer) {
        this.mongo = mongo;
        this.announcer = announcer;
    }

    @Scheduled(fixedDelayString = "${chorus.announcements.sweep-interval:1s}", initialDelayString = "${chorus.announcements.sweep-interval:1s}")
    Mono<Void> sweep() {
        Query due = Query.query(Criteria.where("nextEventDueAt").lte(Instant.now())).limit(BATCH);
        due.fields().include("_id");
        return mongo.find(due, org.bson.Document.class, "announcements")
            .concatMap(document -> announcer.announceDue(document.getString("_id")))
            .then();
    }
}
