package app.chorus.notifications.internal.fanout;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Fan-out batches: up to {@code messagesPerCall} targets each, the unit a worker claims with a lease
 * (findAndModify: one owner at a time) and completes in one atomic update. A batch's {@code remaining} lists the
 * targets still to send, so a retry or a resumed batch never re-sends what FCM already accepted. The targets
 * themselves never change: they live in a document of their own (same {@code _id}, stored before the batch), so
 * claims, lease renewals and outcomes rewrite only the small batch document (ADR 0090), packed into one binary value
 * (ADR 0097).
 */
@Component("notificationsBatches")
class Batches {

    static final String COLLECTION = "notification_batches";
    static final String TARGETS = "notification_batch_targets";
    private static final String PACKED = "packed";
    static final String READY = "READY";
    /** Planned for later (quiet hours, digest hour, email fallback): not a claim candidate until released (ADR 0096). */
    static final String WAITING = "WAITING";
    static final String SENDING = "SENDING";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String UNACCEPTED = "unaccepted";
    private static final String RECEIPTS_DUE = "receiptsDue";
    private static final String RECEIPTS_OWED_AT = "receiptsOwedAt";

    private final ReactiveMongoTemplate mongo;

    Batches(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(COLLECTION);
    }

    Mono<Void> createIndexes() {
        return collection().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("status", "notBefore")))
            .then(Mono.from(c.createIndex(Indexes.ascending("fanOutId", "status"))))
            .then(Mono.from(c.createIndex(Indexes.ascending("sourceId", "status"))))
            .then(Mono.from(c.createIndex(Indexes.ascending(RECEIPTS_DUE))))).then();
    }

    /**
     * Stores planned batches, their targets first so that a batch a worker can claim always has them; ones already
     * there (a resumed plan) are left as they are. Emits whether every one of them is new.
     */
    Mono<Boolean> insert(List<Planned> planned) {
        if (planned.isEmpty()) {
            return Mono.just(true);
        }
        List<Document> targets = planned.stream().map(batch -> new Document("_id", batch.batch().getString("_id"))
            .append(PACKED, PackedTargets.pack(batch.targets()))).toList();
        return insertKeepingExisting(TARGETS, targets)
            .flatMap(targetsNew -> insertKeepingExisting(COLLECTION, planned.stream().map(Planned::batch).toList())
                .map(batchesNew -> targetsNew && batchesNew));
    }

    private Mono<Boolean> insertKeepingExisting(String name, List<Document> documents) {
        return mongo.getCollection(name).flatMap(c -> Mono.from(c.insertMany(documents, new InsertManyOptions().ordered(false))))
            .thenReturn(true)
            .onErrorResume(MongoBulkWriteException.class, e -> e.getWriteErrors().stream().allMatch(w -> w.getCode() == 11000)
                ? Mono.just(false) : Mono.error(e));
    }

    /** A claimed batch's targets (batches planned before ADR 0090 carry them themselves; before 0097, as a list). */
    Mono<List<Document>> targets(Document batch) {
        List<Document> inline = batch.getList("targets", Document.class);
        if (inline != null) {
            return Mono.just(inline);
        }
        String batchId = batch.getString("_id");
        return mongo.getCollection(TARGETS).flatMap(c -> Mono.from(c.find(Filters.eq("_id", batchId)).first()))
            .map(stored -> stored.containsKey(PACKED) ? PackedTargets.unpack(stored.get(PACKED))
                : stored.getList("targets", Document.class))
            .switchIfEmpty(Mono.error(() -> new IllegalStateException("Batch " + batchId + " has no targets stored")));
    }

    /** Takes one due batch (or one whose owner's lease ran out); {@code owner} is unique per claim. */
    Mono<Document> claim(String owner, Instant now, Instant leaseUntil) {
        Bson due = Filters.or(
            Filters.and(Filters.eq("status", READY), Filters.lte("notBefore", Date.from(now))),
            Filters.and(Filters.eq("status", SENDING), Filters.lt("leaseUntil", Date.from(now))));
        Bson take = Updates.combine(Updates.set("status", SENDING), Updates.set("owner", owner),
            Updates.set("leaseUntil", Date.from(leaseUntil)));
        return collection().flatMap(c -> Mono.from(c.findOneAndUpdate(due, take,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }

    /**
     * Records what one send achieved. With nothing left the batch is DONE; otherwise it waits until
     * {@code retryAt} with only the {@code remaining} targets. When the send was accepted for anyone whose reach
     * counts, the batch is marked as owing its delivered receipts until they are recorded (ADR 0099); targets settled
     * without being accepted are kept in {@code unaccepted}. Completes false when the lease was lost.
     */
    Mono<Boolean> record(String batchId, String claim, String instance, List<Integer> remaining, Instant retryAt, Tally tally) {
        List<Bson> changes = new ArrayList<>(List.of(
            Updates.set("status", remaining.isEmpty() ? DONE : READY),
            Updates.set("remaining", remaining),
            Updates.set("notBefore", Date.from(retryAt)),
            Updates.unset("owner"),
            Updates.addToSet("sentBy", instance),
            Updates.inc("attempts", 1),
            Updates.inc("accepted", tally.accepted()),
            Updates.inc("retired", tally.retired()),
            Updates.inc("failed", tally.failed()),
            Updates.inc("expired", tally.expired())));
        if (!tally.unaccepted().isEmpty()) {
            changes.add(Updates.addEachToSet(UNACCEPTED, tally.unaccepted()));
        }
        if (tally.receiptsOwedAt() != null) {
            changes.add(Updates.set(RECEIPTS_DUE, true));
            changes.add(Updates.set(RECEIPTS_OWED_AT, Date.from(tally.receiptsOwedAt())));
        }
        return collection().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", batchId), Filters.eq("owner", claim)), Updates.combine(changes))))
            .map(result -> result.getMatchedCount() > 0);
    }

    /** Since when a batch owes delivered receipts (null when it owes none). */
    static Instant receiptsOwedAt(Document batch) {
        Date owedAt = batch.getDate(RECEIPTS_OWED_AT);
        return owedAt == null ? null : owedAt.toInstant();
    }

    /** Batches owing delivered receipts since before {@code before} (their sender stopped before recording them). */
    Flux<Document> owingReceipts(Instant before, int limit) {
        return collection().flatMapMany(c -> c.find(Filters.and(Filters.eq(RECEIPTS_DUE, true),
            Filters.lt(RECEIPTS_OWED_AT, Date.from(before)))).limit(limit));
    }

    /** The batch's receipts owed since {@code owedAt} are recorded; a later send's stay owed. */
    Mono<Void> receiptsRecorded(String batchId, Instant owedAt) {
        return collection().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", batchId), Filters.eq(RECEIPTS_OWED_AT, Date.from(owedAt))),
                Updates.combine(Updates.unset(RECEIPTS_DUE), Updates.unset(RECEIPTS_OWED_AT)))))
            .then();
    }

    /** Makes the waiting batches whose time has come claimable; emits how many. */
    Mono<Long> releaseDue(Instant now) {
        return collection().flatMap(c -> Mono.from(c.updateMany(
                Filters.and(Filters.eq("status", WAITING), Filters.lte("notBefore", Date.from(now))),
                Updates.set("status", READY))))
            .map(result -> result.getModifiedCount());
    }

    /** Takes the named batch if it is still waiting and due (one planned here: ADR 0095); empty when it is not. */
    Mono<Document> claim(String batchId, String owner, Instant now, Instant leaseUntil) {
        Bson waiting = Filters.and(Filters.eq("_id", batchId), Filters.eq("status", READY), Filters.lte("notBefore", Date.from(now)));
        Bson take = Updates.combine(Updates.set("status", SENDING), Updates.set("owner", owner),
            Updates.set("leaseUntil", Date.from(leaseUntil)));
        return collection().flatMap(c -> Mono.from(c.findOneAndUpdate(waiting, take,
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }

    /** Keeps a claimed batch with its owner while a slow send is still running. */
    Mono<Boolean> extendLease(String batchId, String owner, Instant leaseUntil) {
        return collection().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", batchId), Filters.eq("owner", owner)),
                Updates.set("leaseUntil", Date.from(leaseUntil)))))
            .map(result -> result.getMatchedCount() > 0);
    }

    Mono<Long> cancelPending(String sourceId) {
        return collection().flatMap(c -> Mono.from(c.updateMany(
                Filters.and(Filters.eq("sourceId", sourceId), Filters.in("status", READY, WAITING)),
                Updates.set("status", CANCELLED))))
            .map(result -> result.getModifiedCount());
    }

    /** Whether any batch of the fan-out is still to send (one index lookup, not a count). */
    Mono<Boolean> anyUnfinished(String fanOutId) {
        return collection().flatMap(c -> Mono.from(c.find(Filters.and(Filters.eq("fanOutId", fanOutId),
                Filters.in("status", READY, SENDING, WAITING))).projection(new Document("_id", 1)).first()))
            .hasElement();
    }

    /** Sums of the fan-out's batches: size, accepted, retired, failed, targets still pending, expired. */
    Mono<long[]> totals(String fanOutId) {
        return collection().flatMapMany(c -> c.find(Filters.eq("fanOutId", fanOutId))
                .projection(new Document("size", 1).append("accepted", 1).append("retired", 1).append("failed", 1)
                    .append("expired", 1).append("status", 1).append("remaining", 1)))
            .reduce(new long[6], (sums, batch) -> {
                int size = batch.getInteger("size", 0);
                sums[0] += size;
                sums[1] += batch.getInteger("accepted", 0);
                sums[2] += batch.getInteger("retired", 0);
                sums[3] += batch.getInteger("failed", 0);
                sums[5] += batch.getInteger("expired", 0);
                if (List.of(READY, SENDING, WAITING).contains(batch.getString("status"))) {
                    List<Integer> remaining = batch.getList("remaining", Integer.class);
                    sums[4] += remaining == null ? size : remaining.size();
                }
                return sums;
            });
    }

    /** A planned batch: its small mutable state and its immutable targets (stored under the same {@code _id}). */
    record Planned(Document batch, List<Document> targets) {
    }

    /**
     * One send: counts accepted by FCM (or the mail server), tokens retired, messages refused for good, messages given
     * up because they stopped mattering before anyone took them (ADR 0343); the indexes settled without being
     * accepted; when receipts are owed for the accepted ones, the time they became owed, else null.
     */
    record Tally(int accepted, int retired, int failed, int expired, List<Integer> unaccepted, Instant receiptsOwedAt) {
    }
}
