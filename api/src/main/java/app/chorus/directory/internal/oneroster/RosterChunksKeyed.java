package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import app.chorus.platform.SchemaSteps;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mongock.api.annotations.ChangeUnit;
import io.mongock.api.annotations.Execution;
import io.mongock.api.annotations.RollbackExecution;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stored roster chunks to schema 2: chunks written before ADR 0250 carry no {@code keys}, so one school's import could
 * not find what another school's earlier set says about its people (a carer's child at the other school). Each chunk
 * gets the ids of its rows, computed as an import computes them, in one atomic update guarded by the missing schema,
 * so a run cut short is finished by the next start.
 */
@ChangeUnit(id = "directory-0001-roster-chunks-keyed", order = "directory-0001", author = "chorus", transactional = false)
public class RosterChunksKeyed {

    static final int SCHEMA = 2;
    private static final Logger log = LoggerFactory.getLogger(RosterChunksKeyed.class);

    @Execution
    public void key(MongoDatabase database) {
        MongoCollection<Document> chunks = database.getCollection(Collections.ROSTER_ROWS);
        AtomicLong done = new AtomicLong();
        Flux.from(chunks.find(Filters.exists(SchemaSteps.SCHEMA, false)))
            .concatMap(chunk -> Mono.from(chunks.updateOne(
                Filters.and(Filters.eq("_id", chunk.get("_id")), Filters.exists(SchemaSteps.SCHEMA, false)),
                Updates.combine(Updates.set("keys", keysOf(chunk)), Updates.set(SchemaSteps.SCHEMA, SCHEMA)))))
            .doOnNext(result -> {
                if (done.incrementAndGet() % 1_000 == 0) {
                    log.info("Roster chunks keyed so far: {}", done.get());
                }
            })
            .blockLast();
        log.info("Roster chunks keyed (schema {}): {}", SCHEMA, done.get());
    }

    /** Nothing to undo: earlier releases ignore the keys. */
    @RollbackExecution
    public void rollback() {
    }

    static Set<String> keysOf(Document chunk) {
        Set<String> keys = new LinkedHashSet<>();
        String kind = chunk.getString("kind");
        chunk.getList("rows", Document.class).forEach(row -> keys.addAll(RosterSources.keysOf(kind, row)));
        return keys;
    }
}
