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
 * (deleted), or a head beyond the last link (cut off at the end). Holds one link at a time.
 */
final class ChainVerifier {

    private ChainVerifier() {
    }

    /** Every chain of the store, one after the other, in the order of their names. */
    static Flux<ChainReport> verifyAll(ReactiveMongoTemplate mongo) {
        return mongo.find(new Query().with(Sort.by("_id")), ChainHead.class)
            .concatMap(head -> verify(head, mongo.find(Query.query(Criteria.where("chain").is(head.chain()))
                .with(Sort.by("seq")), AuditEntry.class)));
    }

    static Mono<ChainReport> verify(ChainHead head, Flux<AuditEntry> linksInOrder) {
        return linksInOrder.scan(Walk.start(), Walk::next)
            .takeUntil(walk -> walk.problem != null)
            .last(Walk.start())
            .map(walk -> walk.report(head));
    }

    private record Walk(long seq, String hash, String problem, String entry) {

        static Walk start() {
            return new Walk(0, ChainHash.GENESIS, null, null);
        }

        Walk next(AuditEntry link) {
            if (link.seq() != seq + 1) {
                return new Walk(seq + 1, hash, "link " + (seq + 1) + " is missing", null);
            }
            if (!Objects.equals(link.previous(), hash)) {
                return new Walk(link.seq(), hash, "does not follow the link before it", link.id());
            }
            if (!Objects.equals(ChainHash.of(link), link.hash())) {
                return new Walk(link.seq(), hash, "its content was changed after it was written", link.id());
            }
            return new Walk(link.seq(), link.hash(), null, null);
        }

        ChainReport report(ChainHead head) {
            if (problem != null) {
                return new ChainReport(head.chain(), seq - 1, false, seq, entry, problem);
            }
            if (head.seq() > seq) {
                return new ChainReport(head.chain(), seq, false, seq + 1, null,
                    "the head is at link " + head.seq() + " but the chain ends at link " + seq);
            }
            if (head.seq() > 0 && head.seq() == seq && !head.hash().equals(hash)) {
                return new ChainReport(head.chain(), seq, false, seq, null, "the head does not hold the last link's hash");
            }
            return new ChainReport(head.chain(), seq, true, null, null, null);
        }
    }
}
