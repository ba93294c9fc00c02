package app.chorus.announcements.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A person's read state ({@code announcement_readers}), remembered between feed requests (ADR 0047). On the
 * embedded store this instance is the only writer and forgets a person's state whenever it writes it, so what
 * it remembers is exact; with an external MongoDB (other replicas write too) a remembered state is used for at
 * most {@value #SHARED_TTL_MILLIS} ms, like the feed index's catch-up.
 */
@Component
class ReaderStates {

    static final long SHARED_TTL_MILLIS = 1_000;
    private static final int MAX_CACHED = 200_000;
    private final ReactiveMongoTemplate mongo;
    private final Cache<String, ReaderState> cache;
    /** Bumped after every write: a read that overlapped a write is not remembered (it may predate it). */
    private final AtomicLong writes = new AtomicLong();

    ReaderStates(ReactiveMongoTemplate mongo, FeedStore feed) {
        this.mongo = mongo;
        Caffeine<Object, Object> bounded = Caffeine.newBuilder().maximumSize(MAX_CACHED);
        this.cache = (feed.sharedStore() ? bounded.expireAfterWrite(Duration.ofMillis(SHARED_TTL_MILLIS)) : bounded).build();
    }

    /** Looks at the time of subscription, not of assembly: callers chain it after their own writes. */
    Mono<ReaderState> of(String personId) {
        return Mono.defer(() -> lookUp(personId));
    }

    private Mono<ReaderState> lookUp(String personId) {
        ReaderState cached = cache.getIfPresent(personId);
        if (cached != null) {
            return Mono.just(cached);
        }
        long before = writes.get();
        return mongo.findById(personId, ReaderState.class)
            .defaultIfEmpty(ReaderState.empty(personId))
            .doOnNext(state -> {
                if (writes.get() == before) {
                    cache.put(personId, state);
                }
            });
    }

    Mono<Void> update(String personId, Update change) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(personId)), change, ReaderState.class)
            .doOnSuccess(done -> {
                writes.incrementAndGet();
                cache.invalidate(personId);
            })
            .then();
    }
}
