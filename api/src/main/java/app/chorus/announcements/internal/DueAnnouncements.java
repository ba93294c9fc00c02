package app.chorus.announcements.internal;

import java.time.Instant;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The small list of announcements the sweeper must look at ({@code announcement_due}: id and due time), so a sweep
 * reads a handful of documents instead of scanning every announcement (the embedded store has no index on
 * {@code nextEventDueAt}). Written before the announcement is saved and tidied after, so a crash in between
 * leaves at most an entry that points at nothing due, which the next sweep removes.
 */
@Component
class DueAnnouncements {

    static final String COLLECTION = "announcement_due";
    private final ReactiveMongoTemplate mongo;

    DueAnnouncements(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Saves the announcement with its due entry around it. */
    Mono<Announcement> save(Announcement announcement) {
        Mono<Void> before = announcement.nextEventDueAt == null ? Mono.empty() : sync(announcement);
        return before.then(Mono.defer(() -> mongo.save(announcement)))
            .flatMap(saved -> sync(saved).thenReturn(saved));
    }

    Mono<Announcement> insert(Announcement announcement) {
        return mongo.insert(announcement).flatMap(saved -> sync(saved).thenReturn(saved));
    }

    /** Makes the due entry match the announcement: present with its due time, or gone. */
    Mono<Void> sync(Announcement announcement) {
        Query byId = Query.query(Criteria.where("_id").is(announcement.id()));
        if (announcement.nextEventDueAt == null) {
            return mongo.remove(byId, COLLECTION).then();
        }
        return mongo.upsert(byId, new Update().set("dueAt", announcement.nextEventDueAt), COLLECTION).then();
    }

    Flux<String> dueAt(Instant now, int limit) {
        Query due = Query.query(Criteria.where("dueAt").lte(now)).limit(limit);
        return mongo.find(due, Document.class, COLLECTION).map(document -> document.getString("_id"));
    }
}
