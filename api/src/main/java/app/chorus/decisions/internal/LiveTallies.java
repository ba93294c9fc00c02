package app.chorus.decisions.internal;

import app.chorus.decisions.internal.VotingUnit.Cell;
import app.chorus.platform.BulkWrites;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live counters per cell (school x year group x role) in {@code decision_tallies}: each ballot is one {@code $inc} on
 * its cell's document (a changed ballot takes its old counters off in the same update), never a recount; the
 * {@code $inc}s of ballots arriving together go to the store in one bulk write ({@link BulkWrites}, ADR 0290). Results are
 * read from the decision's running totals ({@link LiveTotals}), kept in the same step; the cells serve decisions
 * made before those, and checks. The close counts the stored ballots themselves.
 */
@Component
class LiveTallies {

    static final String COLLECTION = "decision_tallies";
    private static final Bson CELL_FIELDS = Projections.include("school", "year", "role", "k");
    private static final int CELLS_PER_REPLY = 4_096;
    private final ReactiveMongoTemplate mongo;
    private final BulkWrites bulk;
    private final LiveTotals totals;

    LiveTallies(ReactiveMongoTemplate mongo, BulkWrites bulk, LiveTotals totals) {
        this.mongo = mongo;
        this.bulk = bulk;
        this.totals = totals;
    }

    /**
     * Adds {@code added} to its cell and takes {@code removed} (a replaced ballot, or null) off its own, in the cells
     * and in the decision's totals.
     */
    Mono<Void> apply(String decisionId, Cell addedTo, Map<String, Long> added, Cell removedFrom, Map<String, Long> removed) {
        Map<String, Long> paths = new HashMap<>();
        LiveTotals.add(paths, addedTo, added, 1);
        if (removed != null) {
            LiveTotals.add(paths, removedFrom, removed, -1);
        }
        return Mono.when(cells(decisionId, addedTo, added, removedFrom, removed), totals.apply(decisionId, paths));
    }

    private Mono<Void> cells(String decisionId, Cell addedTo, Map<String, Long> added, Cell removedFrom, Map<String, Long> removed) {
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

    /** The cells of {@code by}'s groups from the decision's totals (one read), or every cell for a decision without totals. */
    Mono<List<Document>> forResults(String decisionId, String by) {
        return totals.groups(decisionId, by).switchIfEmpty(Mono.defer(() -> cells(decisionId).collectList()));
    }

    private Mono<Void> inc(String decisionId, Cell cell, Map<String, Long> delta) {
        Update update = new Update().setOnInsert("decisionId", decisionId).setOnInsert("school", cell.school())
            .setOnInsert("year", cell.year()).setOnInsert("role", cell.role().key());
        delta.forEach((field, n) -> update.inc("k." + field, n));
        return bulk.upsert(COLLECTION, Query.query(Criteria.where("_id").is(cell.id(decisionId))), update);
    }

    /**
     * Every cell of a decision, as stored now: read straight through the driver (no mapping, no load events), its
     * at most a few thousand cells in one reply.
     */
    Flux<Document> cells(String decisionId) {
        return mongo.getCollection(COLLECTION).flatMapMany(cells -> cells.find(Filters.eq("decisionId", decisionId))
            .projection(CELL_FIELDS).batchSize(CELLS_PER_REPLY));
    }
}
