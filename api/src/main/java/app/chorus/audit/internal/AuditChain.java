package app.chorus.audit.internal;

import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Appends links to a chain from any number of api instances without a transaction. The link is inserted at the
 * head's next place first (its id is unique, so exactly one appender gets each place), then the head is moved over
 * it by compare-and-set. An appender that loses the place, or finds a link an appender left before moving the head
 * (it crashed), moves the head over that link itself and tries the next place.
 */
@Component
class AuditChain implements InitializingBean {

    private static final int ATTEMPTS = 1_000;

    private final ReactiveMongoTemplate mongo;
    private final Actors actors;

    AuditChain(ReactiveMongoTemplate mongo, Actors actors) {
        this.mongo = mongo;
        this.actors = actors;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(AuditEntry.COLLECTION).createIndex(new Index().on("key", Direction.ASC).unique())
            .block(Duration.ofSeconds(30));
    }

    /** Records the act once per key; emits its link (the existing one when the key was recorded before). */
    Mono<AuditEntry> append(Act act) {
        return recorded(act.key()).switchIfEmpty(Mono.defer(() -> actors.pseudonymOf(act.actorId())
            .flatMap(actor -> Mono.defer(() -> attempt(act, actor))
                .retryWhen(Retry.max(ATTEMPTS).filter(PlaceTaken.class::isInstance)))));
    }

    private Mono<AuditEntry> attempt(Act act, String actor) {
        String chain = ChainHead.chainOf(act.schoolId());
        return head(chain).flatMap(head -> mongo.insert(AuditEntry.after(head, act, actor))
            .flatMap(entry -> advance(head, entry).thenReturn(entry))
            .onErrorResume(DuplicateKeyException.class, taken -> recorded(act.key())
                .switchIfEmpty(Mono.defer(() -> catchUp(head).then(Mono.error(new PlaceTaken()))))));
    }

    private Mono<AuditEntry> recorded(String key) {
        return mongo.findOne(Query.query(Criteria.where("key").is(key)), AuditEntry.class);
    }

    Mono<ChainHead> head(String chain) {
        return mongo.findById(chain, ChainHead.class).switchIfEmpty(Mono.defer(() -> mongo.insert(ChainHead.start(chain))
            .onErrorResume(DuplicateKeyException.class, raced -> mongo.findById(chain, ChainHead.class))));
    }

    private Mono<Void> catchUp(ChainHead head) {
        return mongo.findById(AuditEntry.idOf(head.chain(), head.seq() + 1), AuditEntry.class)
            .flatMap(next -> advance(head, next));
    }

    private Mono<Void> advance(ChainHead head, AuditEntry entry) {
        Query unchanged = Query.query(Criteria.where("_id").is(head.chain()).and("seq").is(head.seq()));
        return mongo.updateFirst(unchanged, new Update().set("seq", entry.seq()).set("hash", entry.hash()), ChainHead.class)
            .then();
    }

    /** Another appender took the place this one wanted: try the next. */
    private static final class PlaceTaken extends RuntimeException {
        PlaceTaken() {
            super(null, null, false, false);
        }
    }
}
