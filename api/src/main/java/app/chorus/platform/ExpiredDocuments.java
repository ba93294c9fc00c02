package app.chorus.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Does what a TTL index does, for the embedded store that never expires documents: every interval, deletes the
 * documents of each declared TTL index ({@link StoreIndexes.On#expiring}) whose date is older than its lifetime, a
 * batch at a time. On a real MongoDB its TTL monitor usually got there first and this finds little left.
 */
@Component
public class ExpiredDocuments {

    private static final Logger log = LoggerFactory.getLogger(ExpiredDocuments.class);
    private static final int BATCH = 500;

    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<StoreIndexes> declared;
    private final Clock clock;
    private final Duration every;
    private Disposable timer;

    ExpiredDocuments(ReactiveMongoTemplate mongo, ObjectProvider<StoreIndexes> declared, ObjectProvider<Clock> clock,
                     @Value("${chorus.store.expiry-interval:1h}") Duration every) {
        this.mongo = mongo;
        this.declared = declared;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Repeating.every(every, "Expired documents", log, this::sweep);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    /** Deletes every expired document now; emits how many. */
    public Mono<Long> sweep() {
        Instant now = clock.instant();
        return Flux.fromStream(declared.orderedStream()).flatMapIterable(StoreIndexes::expiring)
            .concatMap(ttl -> expired(ttl, now)).reduce(0L, Long::sum);
    }

    private Mono<Long> expired(StoreIndexes.On ttl, Instant now) {
        String field = ttl.fields().get(0);
        Query expired = Query.query(Criteria.where(field).lt(Date.from(now.minus(ttl.expireAfter())))).with(Sort.by(field));
        return BatchDeletes.delete(mongo, expired, ttl.collection(), BATCH)
            .reduce(0L, Long::sum)
            .doOnNext(deleted -> {
                if (deleted > 0) {
                    log.info("Expired documents: {} deleted from {} ({} after {})", deleted, ttl.collection(),
                        ttl.expireAfter(), field);
                }
            });
    }
}
