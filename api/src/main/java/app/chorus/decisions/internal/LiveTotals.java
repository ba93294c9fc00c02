package app.chorus.decisions.internal;

import app.chorus.decisions.internal.VotingUnit.Cell;
import app.chorus.platform.BulkWrites;
import app.chorus.platform.Coalescer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A decision's running totals per school, per year group and per role, in one document of {@code decision_totals}
 * (ADR 0292): a results read is one read by id, whatever the number of cells. Made when the decision is created (a
 * decision from before has none, and its results are summed from the cells); each ballot's counters go to it in an
 * {@code $inc}, the deltas of ballots arriving together summed into one update. Group ids are escaped as field names.
 */
@Component
class LiveTotals {

    static final String COLLECTION = "decision_totals";
    static final List<String> BREAKDOWNS = List.of("school", "year", "role");

    private final ReactiveMongoTemplate mongo;
    private final Coalescer<Delta, Void> writes = new Coalescer<>(BulkWrites.MAX_BATCH, this::send);

    private record Delta(String decisionId, Map<String, Long> paths) {
    }

    LiveTotals(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The empty totals of a new decision (again for a repeated creation: already there). */
    Mono<Void> start(String decisionId) {
        return mongo.insert(new Document("_id", decisionId), COLLECTION).then()
            .onErrorResume(DuplicateKeyException.class, made -> Mono.empty());
    }

    /** Adds {@code counters} to each group of {@code cell} ({@code sign} -1 takes them off). */
    static void add(Map<String, Long> paths, Cell cell, Map<String, Long> counters, long sign) {
        for (String by : BREAKDOWNS) {
            String prefix = "g." + by + "." + escape(cell.groupIn(by)) + ".";
            counters.forEach((field, n) -> paths.merge(prefix + field, sign * n, Long::sum));
        }
    }

    Mono<Void> apply(String decisionId, Map<String, Long> paths) {
        paths.values().removeIf(n -> n == 0);
        return paths.isEmpty() ? Mono.empty() : writes.submit(new Delta(decisionId, paths));
    }

    private Mono<List<Coalescer.Outcome<Void>>> send(List<Delta> batch) {
        Map<String, Map<String, Long>> byDecision = new LinkedHashMap<>();
        batch.forEach(delta -> delta.paths().forEach((path, n) ->
            byDecision.computeIfAbsent(delta.decisionId(), id -> new HashMap<>()).merge(path, n, Long::sum)));
        return Flux.fromIterable(byDecision.entrySet())
            .flatMap(decision -> {
                Update update = new Update();
                decision.getValue().forEach((path, n) -> {
                    if (n != 0) {
                        update.inc(path, n);
                    }
                });
                return update.getUpdateObject().isEmpty() ? Mono.empty()
                    : mongo.updateFirst(Query.query(Criteria.where("_id").is(decision.getKey())), update, COLLECTION);
            })
            .then(Mono.fromSupplier(() -> Collections.nCopies(batch.size(), Coalescer.Outcome.<Void>of(null))));
    }

    /**
     * The groups of {@code by} (all roles when null) as cells holding only that group and its counters {@code k};
     * empty when the decision has no totals document (created before them: its cells are summed instead).
     */
    Mono<List<Document>> groups(String decisionId, String by) {
        String dimension = by == null ? "role" : by;
        return mongo.getCollection(COLLECTION).flatMap(totals -> Mono.from(totals.find(new Document("_id", decisionId)).first()))
            .map(totals -> {
                Document groups = totals.get("g", Document.class);
                Document ofDimension = groups == null ? null : groups.get(dimension, Document.class);
                List<Document> cells = new ArrayList<>();
                if (ofDimension != null) {
                    ofDimension.forEach((group, counters) -> cells.add(new Document(dimension, unescape(group)).append("k", counters)));
                }
                return cells;
            });
    }

    /** A group id as a field name: no dots, no leading {@code $}. */
    static String escape(String group) {
        return group.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String unescape(String field) {
        return field.replace("%2E", ".").replace("%24", "$").replace("%25", "%");
    }
}
