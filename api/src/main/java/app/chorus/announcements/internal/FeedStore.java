package app.chorus.announcements.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Writes feed entries to {@code announcement_feed} and to the in-memory {@link FeedIndex}, and loads the index
 * from the store at start. Readers wait for the load ({@link #ready()}), so a fresh instance never serves an
 * empty feed.
 */
@Component
class FeedStore {

    private static final Logger log = LoggerFactory.getLogger(FeedStore.class);
    private final ReactiveMongoTemplate mongo;
    private final FeedIndex index = new FeedIndex();
    private final Mono<Void> loaded;

    FeedStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        this.loaded = Mono.defer(this::load).cache();
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAtStart() {
        loaded.subscribe(null, failure -> log.error("Could not load the feed index; feeds will retry on first use", failure));
    }

    Mono<Void> ready() {
        return loaded;
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
