package app.chorus.notifications.internal.fanout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Batches this instance has just planned and stored, handed to its own workers together with their targets, so a
 * worker claims such a batch by its id and sends without reading its targets back from the store (ADR 0095). The
 * store stays the truth: a batch is claimed there first, and a batch that another instance took, or that did not fit
 * here, is claimed the usual way. Bounded; the planner waits for room a short while, keeping it near the senders.
 */
@Component("notificationsPlannedHere")
class PlannedHere {

    static final int CAPACITY = 16;
    private static final Duration MOST_WAIT = Duration.ofSeconds(2);
    private static final Duration CHECK_EVERY = Duration.ofMillis(5);

    private final BlockingQueue<Handed> queue = new ArrayBlockingQueue<>(CAPACITY);

    /** A stored batch due now and its targets, exactly as stored. */
    record Handed(String batchId, List<Document> targets) {
    }

    /** Hands a batch over when there is room; otherwise workers will claim it from the store. */
    void offer(Handed batch) {
        queue.offer(batch);
    }

    /** The next batch handed over, or null. */
    Handed next() {
        return queue.poll();
    }

    /** Completes when at most half the capacity is taken, or after a short while without room (never an error). */
    Mono<Void> room() {
        return Mono.fromCallable(() -> queue.size() <= CAPACITY / 2 ? true : null)
            .repeatWhenEmpty(attempts -> attempts.delayElements(CHECK_EVERY))
            .timeout(MOST_WAIT, Mono.just(false))
            .then();
    }
}
