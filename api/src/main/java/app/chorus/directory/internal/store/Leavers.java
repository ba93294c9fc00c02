package app.chorus.directory.internal.store;

import app.chorus.directory.RosterLeavers;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Leavers ({@code directory_leavers}), one document each keyed by person id. Recorded by the import before it deletes
 * the person, with {@code $setOnInsert}, so an import repeated after a crash keeps the first leaving day.
 */
@Component
public class Leavers implements RosterLeavers {

    private static final String LEFT_AT = "leftAt";

    /** A person the import is about to delete, as it read them. */
    public record Departure(String personId, String kind, List<String> schoolIds) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public Leavers(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Autowired
    Leavers(ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock) {
        this(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * Records that these people left (now, by the api's clock) unless they already had; {@code importId} names the
     * import that took them off the roster (the last one, when repeated), for {@link #leftIn}.
     */
    public Mono<Void> left(Collection<Departure> departures, String importId) {
        Date now = Date.from(clock.instant());
        return Flux.fromIterable(departures).concatMap(departure -> mongo.upsert(byId(departure.personId()),
                new Update().set(Collections.ROSTER_IMPORT, importId).setOnInsert(LEFT_AT, now).setOnInsert("kind", departure.kind())
                    .setOnInsert("schoolIds", departure.schoolIds()).setOnInsert("erasureId", UUID.randomUUID().toString()),
                Collections.LEAVERS))
            .then();
    }

    /** People the roster lists again are no longer leavers. */
    public Mono<Void> returned(Collection<String> personIds) {
        return personIds.isEmpty() ? Mono.empty()
            : mongo.remove(Query.query(Criteria.where("_id").in(personIds)), Collections.LEAVERS).then();
    }

    /** The ids of the people the import took off the roster, in id order after {@code afterId} (null: from the start). */
    public Flux<String> leftIn(String importId, String afterId, int limit) {
        Criteria criteria = Criteria.where(Collections.ROSTER_IMPORT).is(importId);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        Query query = Query.query(criteria).with(Sort.by("_id")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, Collections.LEAVERS).map(leaver -> leaver.getString("_id"));
    }

    @Override
    public Flux<Leaver> leftBefore(Instant moment, int limit) {
        Query query = Query.query(Criteria.where(LEFT_AT).lt(Date.from(moment)))
            .with(Sort.by(LEFT_AT, "_id")).limit(limit);
        return mongo.find(query, Document.class, Collections.LEAVERS).map(Leavers::of);
    }

    @Override
    public Mono<Leaver> leaver(String personId) {
        return mongo.findById(personId, Document.class, Collections.LEAVERS).map(Leavers::of);
    }

    @Override
    public Mono<Void> forget(String personId) {
        Query deletedRows = Query.query(Criteria.where("kind").is("users").and("rows").elemMatch(
            Criteria.where("id").is(personId).and("deleted").is(true)));
        return mongo.updateMulti(deletedRows, new Update().pull("rows", new Document("id", personId).append("deleted", true)),
                Collections.ROSTER_ROWS)
            .then(mongo.remove(byId(personId), Collections.LEAVERS))
            .then();
    }

    private static Query byId(String personId) {
        return Query.query(Criteria.where("_id").is(personId));
    }

    private static Leaver of(Document doc) {
        return new Leaver(doc.getString("_id"), doc.getString("kind"), doc.getList("schoolIds", String.class, List.of()),
            doc.getDate(LEFT_AT).toInstant(), doc.getString("erasureId"));
    }
}
