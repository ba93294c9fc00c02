package app.chorus.audit.internal;

import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Audit entries past retention, chain by chain: first a signed checkpoint of the chain's head and of the last link to
 * go (the oldest links up to the first one still young), then those links deleted oldest first in batches. The
 * checkpoint is written once per run, so a resumed run deletes up to the same link; the chain verifies from it.
 */
@Component
class ExpiredAuditEntries implements ExpiringData {

    private static final int BATCH = 500;
    private final ReactiveMongoTemplate mongo;
    private final CheckpointSeal seal;

    ExpiredAuditEntries(ReactiveMongoTemplate mongo, CheckpointSeal seal) {
        this.mongo = mongo;
        this.seal = seal;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.AUDIT_ENTRIES;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        return mongo.find(new Query().with(Sort.by("_id")), ChainHead.class)
            .concatMap(head -> checkpoint(head, expiredBefore, runId).flatMapMany(this::deleteThrough));
    }

    private Mono<Checkpoint> checkpoint(ChainHead head, Instant expiredBefore, String runId) {
        String id = head.chain() + "/" + runId;
        return mongo.findById(id, Checkpoint.class).switchIfEmpty(Mono.defer(() -> lastExpired(head, expiredBefore)
            .map(last -> new Checkpoint(id, head.chain(), head.seq(), head.hash(), last.seq(), last.hash(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), null))
            .flatMap(seal::sign)
            .flatMap(checkpoint -> mongo.insert(checkpoint)
                .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(id, Checkpoint.class)))));
    }

    /** The last link before the chain's first young one (the head's when all are old); empty when it is gone already. */
    private Mono<AuditEntry> lastExpired(ChainHead head, Instant expiredBefore) {
        Query firstYoung = Query.query(Criteria.where("chain").is(head.chain()).and("at").gte(expiredBefore))
            .with(Sort.by("seq")).limit(1);
        return mongo.findOne(firstYoung, AuditEntry.class).map(young -> young.seq() - 1).defaultIfEmpty(head.seq())
            .filter(seq -> seq > 0)
            .flatMap(seq -> mongo.findById(AuditEntry.idOf(head.chain(), seq), AuditEntry.class));
    }

    private Flux<Long> deleteThrough(Checkpoint checkpoint) {
        return ExpiringData.deleteInBatches(mongo, Query.query(Criteria.where("chain").is(checkpoint.chain()).and("seq")
            .lte(checkpoint.prunedThrough())).with(Sort.by("seq")), AuditEntry.COLLECTION, BATCH);
    }
}
