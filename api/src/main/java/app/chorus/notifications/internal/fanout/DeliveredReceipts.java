package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.PushMessage;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.ReachFeedback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Delivered receipts of sent batches, for the announcements' reach analytics (ADR 0099). A send that FCM (or the
 * mail server) accepted for someone marks its batch as owing receipts in the same update that records the outcome;
 * the receipts are then recorded at once, without holding up sending, and the mark is cleared. If the process dies
 * in between, the next sweep (any instance, once the mark is older than a lease) records them from the stored
 * targets: every target neither still pending nor settled without being accepted. Receipts count each person once,
 * so a sweep that overlaps a slow recording counts nobody twice.
 */
@Component
class DeliveredReceipts {

    private static final Logger log = LoggerFactory.getLogger(DeliveredReceipts.class);
    private static final int SWEEP_BATCHES = 50;

    private final Batches batches;
    private final FanOuts fanOuts;
    private final ReachFeedback reach;
    private final PushProperties properties;

    DeliveredReceipts(Batches batches, FanOuts fanOuts, ReachFeedback reach, PushProperties properties) {
        this.batches = batches;
        this.fanOuts = fanOuts;
        this.reach = reach;
        this.properties = properties;
    }

    /** When a send of this message owes receipts for its accepted targets: now; else null. */
    Instant owedFor(PushMessage message, int accepted, Instant now) {
        return accepted > 0 && reach.counts(message) ? now : null;
    }

    /** Records one send's receipts, then clears what its batch owes; runs on its own, never holding up sending. */
    void afterSend(String batchId, Instant owedAt, PushMessage message, String channel, List<Document> accepted) {
        if (owedAt == null) {
            return;
        }
        reach.delivered(message, channel, accepted, owedAt)
            .then(batches.receiptsRecorded(batchId, owedAt))
            .doOnError(e -> log.warn("Delivered receipts of batch {} not recorded yet (a sweep will): {}", batchId, e.getMessage()))
            .onErrorComplete()
            .subscribe();
    }

    /** Records the receipts owed for longer than a lease, whose sender stopped; emits how many batches it settled. */
    Mono<Long> sweep(Instant now) {
        return batches.owingReceipts(now.minus(properties.lease()), SWEEP_BATCHES)
            .concatMap(batch -> recordOwed(batch).thenReturn(batch).onErrorResume(e -> {
                log.warn("Receipts owed by batch {} not recorded, will try again: {}", batch.getString("_id"), e.getMessage());
                return Mono.empty();
            }))
            .count();
    }

    private Mono<Void> recordOwed(Document batch) {
        Instant owedAt = Batches.receiptsOwedAt(batch);
        String batchId = batch.getString("_id");
        return fanOuts.find(batch.getString("fanOutId")).map(FanOuts::fromDocument)
            .zipWith(batches.targets(batch))
            .flatMap(both -> reach.delivered(both.getT1(), batch.getString("channel"), accepted(batch, both.getT2()), owedAt))
            .then(batches.receiptsRecorded(batchId, owedAt))
            .doOnSuccess(done -> log.info("Recorded the delivered receipts batch {} owed since {}", batchId, owedAt));
    }

    /** The batch's targets that were accepted: not still pending, not retired, failed or given up. */
    static List<Document> accepted(Document batch, List<Document> targets) {
        Set<Integer> not = new HashSet<>();
        List<Integer> remaining = batch.getList("remaining", Integer.class);
        List<Integer> unaccepted = batch.getList(Batches.UNACCEPTED, Integer.class);
        if (remaining != null) {
            not.addAll(remaining);
        }
        if (unaccepted != null) {
            not.addAll(unaccepted);
        }
        List<Document> accepted = new ArrayList<>(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            if (!not.contains(i)) {
                accepted.add(targets.get(i));
            }
        }
        return accepted;
    }
}
