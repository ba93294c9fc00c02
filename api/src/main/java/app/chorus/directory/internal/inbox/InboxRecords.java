package app.chorus.directory.internal.inbox;

import app.chorus.directory.internal.oneroster.ImportReport;
import app.chorus.shared.PositionCursor;
import app.chorus.shared.Problem;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per file set that arrived in the inbox, keyed by its name and arrival time: claimed by one api
 * instance under a lease, then kept with its report or its problems for the trust's data manager to read.
 */
@Component
public class InboxRecords {

    static final String COLLECTION = "directory_roster_inbox";
    static final String RUNNING = "RUNNING";
    static final String IMPORTED = "IMPORTED";
    static final String FAILED = "FAILED";

    private final ReactiveMongoTemplate mongo;

    InboxRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True when this holder may import the file set now: new, or left running by a holder whose lease ran out. */
    Mono<Boolean> claim(Arrival arrival, String holder, Instant now, Duration lease) {
        Document claim = new Document("_id", arrival.id()).append("name", arrival.path().getFileName().toString())
            .append("arrivedAt", Date.from(arrival.modified())).append("state", RUNNING).append("owner", holder)
            .append("claimedAt", Date.from(now)).append("leaseUntil", Date.from(now.plus(lease)));
        return mongo.insert(claim, COLLECTION).thenReturn(true)
            .onErrorResume(MongoWriteException.class, failure -> failure.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                ? takeOver(arrival, holder, now, lease) : Mono.error(failure));
    }

    private Mono<Boolean> takeOver(Arrival arrival, String holder, Instant now, Duration lease) {
        Query abandoned = Query.query(Criteria.where("_id").is(arrival.id()).and("state").is(RUNNING)
            .and("leaseUntil").lt(Date.from(now)));
        return mongo.findAndModify(abandoned, Update.update("owner", holder).set("leaseUntil", Date.from(now.plus(lease))),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION)
            .hasElement();
    }

    /** The state recorded for the file set, if any (a finished one left in the folder by a crash is only moved). */
    Mono<String> stateOf(Arrival arrival) {
        return mongo.findById(arrival.id(), Document.class, COLLECTION).map(doc -> doc.getString("state"));
    }

    Mono<Void> imported(Arrival arrival, String holder, ImportReport report, Instant now) {
        Document written = new Document();
        mongo.getConverter().write(report, written);
        written.remove("_class");
        return finish(arrival, holder, Update.update("state", IMPORTED).set("report", written).set("finishedAt", Date.from(now)));
    }

    Mono<Void> failed(Arrival arrival, String holder, Problem problem, Instant now) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("type", problem.type().toString());
        detail.put("title", problem.title());
        detail.put("detail", problem.getMessage());
        problem.properties().forEach((key, value) -> detail.put(key, mongo.getConverter().convertToMongoType(value)));
        return finish(arrival, holder, Update.update("state", FAILED).set("problem", new Document(detail))
            .set("finishedAt", Date.from(now)));
    }

    /** Gives the file set back (another import was running here): the next look at the folder tries again. */
    Mono<Void> release(Arrival arrival, String holder) {
        return mongo.remove(Query.query(Criteria.where("_id").is(arrival.id()).and("owner").is(holder).and("state").is(RUNNING)),
            COLLECTION).then();
    }

    private Mono<Void> finish(Arrival arrival, String holder, Update update) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(arrival.id()).and("owner").is(holder)),
            update.unset("leaseUntil"), COLLECTION).then();
    }

    /** The file sets that arrived, newest first, from after the cursor. */
    public Flux<InboxEntry> latest(PositionCursor after, int limit) {
        Query query = new Query().with(Sort.by(Sort.Order.desc("arrivedAt"), Sort.Order.desc("_id"))).limit(limit);
        if (after != null) {
            Date at = Date.from(after.at());
            query.addCriteria(new Criteria().orOperator(Criteria.where("arrivedAt").lt(at),
                Criteria.where("arrivedAt").is(at).and("_id").lt(after.id())));
        }
        return mongo.find(query, Document.class, COLLECTION).map(InboxEntry::of);
    }
}
