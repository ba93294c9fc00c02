package app.chorus.audit.internal;

import java.util.Objects;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Walks one chain's links in order and reports the first that does not hold: a link whose content no longer gives
 * its hash (edited), one that does not point at the hash before it (replaced or re-ordered), a gap in the sequence
 * (deleted), or a head beyond the last link (cut off at the end). A chain whose oldest links a retention purge
 * deleted starts at its latest signed checkpoint: the first link kept must point at the hash the checkpoint holds,
 * and the link that was the head then must still have the hash it had. Holds one link at a time.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    /** Every chain of the store, one after the other, in the order of their names. */
    static Flux<ChainReport> verifyAll(ReactiveMongoTemplate mongo, CheckpointSeal seal) {
        return mongo.find(new Query().with(Sort.by("_id")), ChainHead.class)
            .concatMap(head -> latestCheckpoint(mongo, head.chain())
                .flatMap(checkpoint -> seal.holds(checkpoint).flatMap(holds -> holds
                    ? verify(head, links(mongo, head.chain(), checkpoint.prunedThrough()), checkpoint)
                    : Mono.just(new ChainReport(head.chain(), checkpoint.prunedThrough(), 0, false,
                        checkpoint.prunedThrough() + 1, checkpoint.id(), "its checkpoint's signature does not hold"))))
                .switchIfEmpty(Mono.defer(() -> verify(head, links(mongo, head.chain(), 0), null))));
    }

    static Mono<ChainReport> verify(ChainHead head, Flux<AuditEntry> linksInOrder) {
        return verify(head, linksInOrder, null);
    }

    static Mono<ChainReport> verify(ChainHead head, Flux<AuditEntry> linksInOrder, Checkpoint checkpoint) {
        Walk start = Walk.start(checkpoint);
        return linksInOrder.scan(start, Walk::next)
            .takeUntil(walk -> walk.problem != null)
            .last(start)
            .map(walk -> walk.report(head));
    }

    private static Flux<AuditEntry> links(ReactiveMongoTemplate mongo, String chain, long after) {
        return mongo.find(Query.query(Criteria.where("chain").is(chain).and("seq").gt(after)).with(Sort.by("seq")),
            AuditEntry.class);
    }

    private static Mono<Checkpoint> latestCheckpoint(ReactiveMongoTemplate mongo, String chain) {
        return mongo.findOne(Query.query(Criteria.where("chain").is(chain))
            .with(Sort.by(Sort.Order.desc("prunedThrough"), Sort.Order.desc("headSeq"))), Checkpoint.class);
    }

    private record Walk(long from, long seq, String hash, Checkpoint pin, String problem, String entry) {

        static Walk start(Checkpoint checkpoint) {
            return checkpoint == null ? new Walk(0, 0, ChainHash.GENESIS, null, null, null)
                : new Walk(checkpoint.prunedThrough(), checkpoint.prunedThrough(), checkpoint.prunedHash(), checkpoint,
                    null, null);
        }

        Walk next(AuditEntry link) {
            if (link.seq() != seq + 1) {
                return failed(seq + 1, "link " + (seq + 1) + " is missing", null);
            }
            if (!Objects.equals(link.previous(), hash)) {
                return failed(link.seq(), "does not follow the link before it", link.id());
            }
            if (!Objects.equals(ChainHash.of(link), link.hash())) {
                return failed(link.seq(), "its content was changed after it was written", link.id());
            }
            if (pin != null && link.seq() == pin.headSeq() && !link.hash().equals(pin.headHash())) {
                return failed(link.seq(), "differs from the chain's signed checkpoint", link.id());
            }
            return new Walk(from, link.seq(), link.hash(), pin, null, null);
        }

        private Walk failed(long at, String what, String id) {
            return new Walk(from, at, hash, pin, what, id);
        }

        ChainReport report(ChainHead head) {
            if (problem != null) {
                return new ChainReport(head.chain(), from, seq - 1 - from, false, seq, entry, problem);
            }
            if (head.seq() > seq) {
                return new ChainReport(head.chain(), from, seq - from, false, seq + 1, null,
                    "the head is at link " + head.seq() + " but the chain ends at link " + seq);
            }
            if (head.seq() > 0 && head.seq() == seq && !head.hash().equals(hash)) {
                return new ChainReport(head.chain(), from, seq - from, false, seq, null,
                    "the head does not hold the last link's hash");
            }
            return new ChainReport(head.chain(), from, seq - from, true, null, null, null);
        }
    }
}
