package app.chorus.platform;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The secondary indexes a module's queries need, made when the api is ready. A real MongoDB and the embedded store
 * both use them (the embedded store serves equality and {@code $in} on an index's first field); without them every
 * query by a parent id reads the whole collection, every decision's or consultation's documents ever stored. Uniqueness
 * that correctness depends on is always on {@code _id}, which every store enforces.
 */
public abstract class StoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(StoreIndexes.class);

    private final ReactiveMongoTemplate mongo;
    private final String module;
    private final List<On> indexes;

    protected StoreIndexes(ReactiveMongoTemplate mongo, String module, On... indexes) {
        this.mongo = mongo;
        this.module = module;
        this.indexes = List.of(indexes);
    }

    /**
     * An ascending index on {@code fields} of {@code collection}; with {@code expireAfter}, a TTL index on its one date
     * field: a real MongoDB deletes a document that long after that moment, and {@link ExpiredDocuments} does the same
     * on the embedded store, which accepts TTL indexes but never expires anything.
     */
    public record On(String collection, List<String> fields, Duration expireAfter) {

        public On(String collection, String... fields) {
            this(collection, List.of(fields), null);
        }

        /** Documents of {@code collection} deleted {@code expireAfter} after the date in {@code field}. */
        public static On expiring(String collection, String field, Duration expireAfter) {
            return new On(collection, List.of(field), expireAfter);
        }

        Index index() {
            Index index = new Index();
            fields.forEach(field -> index.on(field, Direction.ASC));
            return expireAfter == null ? index : index.expire(expireAfter);
        }
    }

    /** The TTL indexes this module declares. */
    public List<On> expiring() {
        return indexes.stream().filter(on -> on.expireAfter() != null).toList();
    }

    /** Creates the indexes one after the other in the background; a failure is logged, queries still work, only slower. */
    @EventListener(ApplicationReadyEvent.class)
    public void ensure() {
        create().doOnError(failure -> log.warn("Could not create the {} indexes; queries still work, only slower", module, failure))
            .onErrorComplete()
            .subscribe();
    }

    /** Creates the indexes one after the other (for tools and benchmarks that run without the application). */
    public Mono<Void> create() {
        return Flux.fromIterable(indexes).concatMap(on -> mongo.indexOps(on.collection()).createIndex(on.index())).then();
    }
}
