package app.chorus.announcements.internal;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes feed entries to {@code announcement_feed} and to the in-memory {@link FeedIndex}, loads the index
 * from the store at start (readers wait for it, so a fresh instance never serves an empty feed) and, on a shared
 * MongoDB, follows the other replicas' writes.
 */
@Component
class FeedStore {

    private static final Logger log = LoggerFactory.getLogger(FeedStore.class);
    /** Writes commit a little after they take their time stamp; re-reading this much back catches them all. */
    private static final Duration CATCH_UP_OVERLAP = Duration.ofSeconds(30);
    private final ReactiveMongoTemplate mongo;
    private final FeedIndex index = new FeedIndex();
    private final Mono<Void> loaded;
    private final boolean sharedStore;
    private volatile Instant caughtUpTo = Instant.now();

    FeedStore(ReactiveMongoTemplate mongo, @Value("${spring.mongodb.uri:}") String externalStore) {
        this.mongo = mongo;
        this.loaded = Mono.defer(this::load).cache();
        this.sharedStore = !externalStore.isBlank();
    }

    /**
     * With an external MongoDB other replicas write feed entries too: read what changed recently (index
     * {@code feed_changes {updatedAt: 1}}) so this replica's index follows within a second. Re-applying an entry
     * is harmless (older sequences never replace newer ones). The embedded store has no other writer.
     */
    Mono<Void> catchUp() {
        if (!sharedStore) {
            return Mono.empty();
        }
        Instant started = Instant.now();
        Query changed = Query.query(Criteria.where("updatedAt").gte(caughtUpTo.minus(CATCH_UP_OVERLAP)));
        return loaded.thenMany(mongo.find(changed, FeedEntry.class)).doOnNext(index::put)
            .then(Mono.fromRunnable(() -> caughtUpTo = started));
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        loaded.subscribe(null, failure -> log.error("Could not load the feed index; feeds will retry on first use", failure));
    }

    Mono<Void> ready() {
        return loaded;
    }

    /** True with an external MongoDB, where other replicas write too. */
    boolean sharedStore() {
        return sharedStore;
    }

    FeedIndex index() {
        return index;
    }

    Mono<FeedEntry> write(FeedEntry entry) {
        return mongo.save(entry).doOnNext(index::put);
    }

    private Mono<Void> load() {
        long started = System.nanoTime();
        return mongo.findAll(FeedEntry.class)
            .doOnNext(index::put)
            .then(Mono.fromRunnable(() -> log.info("Feed index loaded: {} entries in {} ms", index.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis())));
    }
}
