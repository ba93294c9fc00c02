package app.chorus.surveys.internal;

import app.chorus.platform.BulkWrites;
import app.chorus.platform.SchemaSteps;
import app.chorus.questionnaires.Tally;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The writes to tally cells (ADR 0059). Submissions counted in the same cell while a write to it is in flight share
 * the next one: a single {@code $inc} of their summed counters, guarded by all their response ids
 * ({@code guards.<responseId>} absent), which it sets. Guards are released lazily, once they have waited
 * {@link #RELEASE_AFTER}: with the cell's next write after that, or by a flush. Releasing late is safe (ADR 0052: an
 * id in the guards means "counted"); releasing early is not: a late attempt at the same submission would count it
 * again (ADR 0400).
 */
@Component
class TallyWrites {

    static final String GUARDS = "guards";
    static final Duration RELEASE_AFTER = Duration.ofSeconds(5);

    private final ReactiveMongoTemplate mongo;
    private final BulkWrites bulk;
    private final Map<String, CellQueue> queues = new ConcurrentHashMap<>();
    private final Disposable flusher;

    TallyWrites(ReactiveMongoTemplate mongo, BulkWrites bulk) {
        this.mongo = mongo;
        this.bulk = bulk;
        this.flusher = Flux.interval(Duration.ofSeconds(1)).onBackpressureDrop()
            .subscribe(tick -> flush(RELEASE_AFTER.toMillis()));
    }

    private record Count(String responseId, Tally tally, MonoSink<Void> done) {
    }

    /** The submissions and released guards waiting for one cell; guarded by its own monitor. */
    private static final class CellQueue {
        final String surveyId;
        final Cell cell;
        final List<Count> counts = new ArrayList<>();
        /** Released guards and when each was released (System.currentTimeMillis()). */
        final Map<String, Long> releases = new LinkedHashMap<>();
        boolean writing;

        CellQueue(String surveyId, Cell cell) {
            this.surveyId = surveyId;
            this.cell = cell;
        }

        boolean idle() {
            return !writing && counts.isEmpty() && releases.isEmpty();
        }
    }

    /** Adds one response's counts to its cell exactly once; completes when the write that carries them is acknowledged. */
    Mono<Void> apply(String surveyId, Cell cell, String responseId, Tally tally) {
        return Mono.create(done -> enqueue(surveyId, cell, queue -> {
            queue.counts.add(new Count(responseId, tally, done));
            return true;
        }));
    }

    /**
     * Lets the cell forget a guard whose participation mark is SUBMITTED, once it has waited {@link #RELEASE_AFTER}:
     * written with the cell's next write after that, or by the flush. The wait is what keeps a late attempt at the same
     * submission (a slow first attempt, or a take-over of it, ADR 0400) from counting it again.
     */
    void release(String surveyId, Cell cell, String responseId) {
        enqueue(surveyId, cell, queue -> {
            queue.releases.putIfAbsent(responseId, System.currentTimeMillis());
            return false;
        });
    }

    /** Writes the releases that waited longer than {@code olderThanMs}; forgets idle cells. */
    void flush(long olderThanMs) {
        long now = System.currentTimeMillis();
        queues.forEach((cellId, queue) -> {
            boolean start;
            synchronized (queue) {
                start = !queue.writing && queue.releases.values().stream().anyMatch(at -> now - at >= olderThanMs);
                queue.writing |= start;
            }
            if (start) {
                write(cellId, queue, olderThanMs);
            }
            queues.computeIfPresent(cellId, (id, existing) -> {
                synchronized (existing) {
                    return existing.idle() ? null : existing;
                }
            });
        });
    }

    private interface Change {
        /** Changes the queue (under its monitor); true when a write should start now if none is in flight. */
        boolean on(CellQueue queue);
    }

    private void enqueue(String surveyId, Cell cell, Change change) {
        String cellId = cell.id(surveyId);
        boolean[] start = {false};
        CellQueue queue = queues.compute(cellId, (id, existing) -> {
            CellQueue target = existing != null ? existing : new CellQueue(surveyId, cell);
            synchronized (target) {
                if (change.on(target) && !target.writing) {
                    target.writing = true;
                    start[0] = true;
                }
            }
            return target;
        });
        if (start[0]) {
            write(cellId, queue, RELEASE_AFTER.toMillis());
        }
    }

    private void write(String cellId, CellQueue queue, long releasesOlderThanMs) {
        List<Count> batch;
        Map<String, Long> released = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        synchronized (queue) {
            batch = new ArrayList<>(queue.counts);
            queue.counts.clear();
            Set<String> counting = new HashSet<>();
            batch.forEach(count -> counting.add(count.responseId()));
            // a guard counted again in this write (a late attempt) stays: the write cannot both set and unset it
            queue.releases.forEach((responseId, at) -> {
                if (now - at >= releasesOlderThanMs && !counting.contains(responseId)) {
                    released.put(responseId, at);
                }
            });
            queue.releases.keySet().removeAll(released.keySet());
        }
        Mono<Void> write = Mono.defer(() -> batch.isEmpty()
            ? releaseNow(cellId, released.keySet()) : countAll(cellId, queue, batch, released));
        write.subscribe(null, failure -> {
            requeue(queue, released);
            batch.forEach(count -> count.done().error(failure));
            next(cellId, queue);
        }, () -> {
            batch.forEach(count -> count.done().success());
            next(cellId, queue);
        });
    }

    private void next(String cellId, CellQueue queue) {
        synchronized (queue) {
            if (queue.counts.isEmpty()) {
                queue.writing = false;
                return;
            }
        }
        write(cellId, queue, RELEASE_AFTER.toMillis());
    }

    private static void requeue(CellQueue queue, Map<String, Long> released) {
        synchronized (queue) {
            released.forEach(queue.releases::putIfAbsent);
        }
    }

    /**
     * One guarded write for the whole batch; when a guard is already there (a retry), each response on its own. Two
     * attempts at one response in the same batch (a slow first attempt and its take-over or the recovery sweep, on one
     * instance) add it once.
     */
    private Mono<Void> countAll(String cellId, CellQueue queue, List<Count> batch, Map<String, Long> released) {
        Criteria notYet = Criteria.where("_id").is(cellId);
        Map<String, Long> sum = new HashMap<>();
        Update update = cellFields(queue);
        Set<String> inBatch = new HashSet<>();
        for (Count count : batch) {
            if (!inBatch.add(count.responseId())) {
                continue;
            }
            notYet = notYet.and(GUARDS + "." + count.responseId()).exists(false);
            update.set(GUARDS + "." + count.responseId(), true);
            count.tally().addTo(sum);
        }
        released.keySet().forEach(responseId -> update.unset(GUARDS + "." + responseId));
        sum.forEach((path, value) -> update.inc(Tallies.counterField(path), value));
        update.inc(Tallies.VERSION, 1);
        return bulk.upsert(Tallies.COLLECTION, Query.query(notYet), update)
            .onErrorResume(DuplicateKeyException.class, guardOrRace -> {
                requeue(queue, released);
                return Flux.fromIterable(batch).concatMap(count -> countOne(cellId, queue, count)).then();
            });
    }

    private Mono<Void> countOne(String cellId, CellQueue queue, Count count) {
        Query notYet = Query.query(Criteria.where("_id").is(cellId).and(GUARDS + "." + count.responseId()).exists(false));
        Update update = cellFields(queue).set(GUARDS + "." + count.responseId(), true);
        count.tally().counters().forEach((path, value) -> update.inc(Tallies.counterField(path), value));
        update.inc(Tallies.VERSION, 1);
        return bulk.upsert(Tallies.COLLECTION, notYet, update)
            .onErrorResume(DuplicateKeyException.class, raceOrRetry -> isGuarded(cellId, count.responseId())
                .flatMap(counted -> counted ? Mono.empty() : bulk.updateOne(Tallies.COLLECTION, notYet, update)));
    }

    private static Update cellFields(CellQueue queue) {
        return new Update().setOnInsert("surveyId", queue.surveyId).setOnInsert("school", queue.cell.school())
            .setOnInsert("year", queue.cell.year()).setOnInsert("role", queue.cell.role().key())
            .setOnInsert(SchemaSteps.SCHEMA, TallyCellsFlattened.SCHEMA);
    }

    /** Removes guards at once (recovery, flush). */
    Mono<Void> releaseNow(String cellId, Set<String> responseIds) {
        if (responseIds.isEmpty()) {
            return Mono.empty();
        }
        Update update = new Update();
        responseIds.forEach(responseId -> update.unset(GUARDS + "." + responseId));
        return bulk.updateOne(Tallies.COLLECTION, Query.query(Criteria.where("_id").is(cellId)), update);
    }

    Mono<Boolean> isGuarded(String cellId, String responseId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(cellId).and(GUARDS + "." + responseId).exists(true)),
            Tallies.COLLECTION);
    }

    @PreDestroy
    void stop() {
        flusher.dispose();
        flush(0);
    }
}
