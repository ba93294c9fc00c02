package app.chorus.decisions.internal;

import app.chorus.decisions.internal.VotingUnit.Cell;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live counters per cell (school x year group x role) in {@code decision_tallies}: each ballot is one {@code $inc} on
 * its cell's document (a changed ballot takes its old counters off in the same update), never a recount. They serve
 * live results; the close counts the stored ballots themselves.
 */
@Component
class LiveTallies {

    static final String COLLECTION = "decision_tallies";
    private final ReactiveMongoTemplate mongo;

    LiveTallies(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Adds {@code added} to its cell and takes {@code removed} (a replaced ballot, or null) off its own. */
    Mono<Void> apply(String decisionId, Cell addedTo, Map<String, Long> added, Cell removedFrom, Map<String, Long> removed) {
        Map<String, Long> delta = new HashMap<>(added);
        if (removed == null) {
            return inc(decisionId, addedTo, delta);
        }
        if (removedFrom.equals(addedTo)) {
            removed.forEach((field, n) -> delta.merge(field, -n, Long::sum));
            delta.values().removeIf(n -> n == 0);
            return delta.isEmpty() ? Mono.empty() : inc(decisionId, addedTo, delta);
        }
        Map<String, Long> minus = new HashMap<>();
        removed.forEach((field, n) -> minus.put(field, -n));
        return inc(decisionId, removedFrom, minus).then(inc(decisionId, addedTo, delta));
    }

    private Mono<Void> inc(String decisionId, Cell cell, Map<String, Long> delta) {
        Update update = new Update().setOnInsert("decisionId", decisionId).setOnInsert("school", cell.school())
            .setOnInsert("year", cell.year()).setOnInsert("role", cell.role().key());
        delta.forEach((field, n) -> update.inc("k." + field, n));
        return mongo.upsert(Query.query(Criteria.where("_id").is(cell.id(decisionId))), update, COLLECTION).then();
    }

    /** Every cell of a decision, as stored now. */
    Flux<Document> cells(String decisionId) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decisionId)), Document.class, COLLECTION);
    }
}
