package app.chorus.surveys.internal;

import app.chorus.platform.SchemaSteps;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mongock.api.annotations.ChangeUnit;
import io.mongock.api.annotations.Execution;
import io.mongock.api.annotations.RollbackExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tally cells to schema 2: counters nested under {@code c} (written before ADR 0087) become one-level {@code c:...}
 * fields, added to any one-level ones the cell already has, and the cell's write version moves on (ADR 0093), so no
 * instance keeps a cached copy of the old shape. One atomic update per cell, guarded by the missing schema, so a cell
 * is never changed twice and a run cut short is finished by the next; concurrent {@code $inc}s of answers still
 * arriving commute with it.
 */
@ChangeUnit(id = "surveys-0001-tally-cells-flattened", order = "surveys-0001", author = "chorus", transactional = false)
public class TallyCellsFlattened {

    static final int SCHEMA = 2;
    private static final String NESTED = "c";
    private static final Logger log = LoggerFactory.getLogger(TallyCellsFlattened.class);

    @Execution
    public void flatten(MongoDatabase database) {
        MongoCollection<Document> cells = database.getCollection(Tallies.COLLECTION);
        AtomicLong done = new AtomicLong();
        Flux.from(cells.find(Filters.exists(SchemaSteps.SCHEMA, false)))
            .flatMap(cell -> Mono.from(cells.updateOne(
                Filters.and(Filters.eq("_id", cell.get("_id")), Filters.exists(SchemaSteps.SCHEMA, false)), migrated(cell))), 8)
            .doOnNext(result -> {
                if (done.incrementAndGet() % 10_000 == 0) {
                    log.info("Tally cells migrated so far: {}", done.get());
                }
            })
            .blockLast();
        log.info("Tally cells migrated to schema {}: {}", SCHEMA, done.get());
    }

    /** Nothing to undo: the step changes each cell once, and the counts it moves keep their totals. */
    @RollbackExecution
    public void rollback() {
    }

    static Bson migrated(Document cell) {
        List<Bson> updates = new ArrayList<>();
        if (cell.get(NESTED) instanceof Document nested) {
            flatten("", nested, updates);
            updates.add(Updates.unset(NESTED));
        }
        updates.add(Updates.inc(Tallies.VERSION, 1L));
        updates.add(Updates.set(SchemaSteps.SCHEMA, SCHEMA));
        return Updates.combine(updates);
    }

    private static void flatten(String prefix, Document nested, List<Bson> updates) {
        nested.forEach((key, value) -> {
            if (value instanceof Document inner) {
                flatten(prefix + key + ".", inner, updates);
            } else if (value instanceof Number number) {
                updates.add(Updates.inc(Tallies.counterField(prefix + key), number.longValue()));
            }
        });
    }
}
