package app.chorus.consultations.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * When each consultation's stage next changes ({@code consultation_due}: id, due time, lease), so a sweep reads the
 * few entries that are due instead of every consultation. An instance claims an entry with one atomic
 * find-and-modify that sets a lease; only the holder announces the change, and an entry whose holder died is
 * claimed again when its lease runs out (ADR 0121).
 */
@Component
class DuePhases {

    static final String COLLECTION = "consultation_due";
    private final ReactiveMongoTemplate mongo;

    DuePhases(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Makes the entry match the consultation's next change (keeps any lease); removes it when nothing is due. */
    Mono<Void> schedule(String consultationId, Instant dueAt) {
        Query byId = Query.query(Criteria.where("_id").is(consultationId));
        if (dueAt == null) {
            return mongo.remove(byId, COLLECTION).then();
        }
        Update update = new Update().set("dueAt", Date.from(dueAt)).setOnInsert("leaseUntil", new Date(0));
        return mongo.upsert(byId, update, COLLECTION).then();
    }

    /** Claims one due entry not leased by anyone; empty when none is due. */
    Mono<String> claim(String owner, Instant now, Duration lease) {
        Query due = Query.query(Criteria.where("dueAt").lte(Date.from(now)).and("leaseUntil").lte(Date.from(now)));
        Update take = new Update().set("leaseUntil", Date.from(now.plus(lease))).set("owner", owner);
        return mongo.findAndModify(due, take, FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
            .map(document -> document.getString("_id"));
    }

    /** The holder is done: the entry moves to the next change (or goes), and the lease is let go. */
    Mono<Void> release(String consultationId, String owner, Instant nextDue) {
        Query held = Query.query(Criteria.where("_id").is(consultationId).and("owner").is(owner));
        if (nextDue == null) {
            return mongo.remove(held, COLLECTION).then();
        }
        return mongo.updateFirst(held, new Update().set("dueAt", Date.from(nextDue)).set("leaseUntil", new Date(0)), COLLECTION).then();
    }
}
