package app.chorus.platform;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * After a key rotation, seals every declared field still under an old key again under the primary one, a batch at a
 * time, logging progress. Each value is replaced only if it is still under the key it was read under (a
 * single-document compare-and-set), so it is safe with several api instances and a write arriving meanwhile; the work
 * is found by query, so a run stopped half way is carried on by the next (at start and every interval).
 */
@Component
public class FieldReencryption {

    private static final Logger log = LoggerFactory.getLogger(FieldReencryption.class);
    private static final int BATCH = 200;

    private final ReactiveMongoTemplate mongo;
    private final FieldEncryption encryption;
    private final ObjectProvider<SealedFields> fields;
    private final Duration every;
    private Disposable timer;

    FieldReencryption(ReactiveMongoTemplate mongo, FieldEncryption encryption, ObjectProvider<SealedFields> fields,
                      @Value("${chorus.secrets.reencrypt-interval:6h}") Duration every) {
        this.mongo = mongo;
        this.encryption = encryption;
        this.fields = fields;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        run().subscribe(null, failure -> log.warn("Field re-encryption failed; retrying in {}", every, failure));
        timer = Repeating.every(every, "Field re-encryption", log, this::run);
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    /** Seals every value under an old key again; emits how many were. */
    public Mono<Long> run() {
        return Flux.fromStream(fields.orderedStream()).concatMap(this::reseal).reduce(0L, Long::sum);
    }

    private Mono<Long> reseal(SealedFields declared) {
        int primary = encryption.primaryKeyId();
        List<Criteria> old = declared.paths().stream().map(path -> Criteria.where(path + "." + FieldEncryption.KEY_ID)
            .exists(true).ne(primary)).toList();
        Query batch = Query.query(new Criteria().orOperator(old)).limit(BATCH);
        long[] total = {0};
        return Mono.defer(() -> mongo.find(batch, Document.class, declared.collection())
                .concatMap(doc -> resealDocument(declared, doc)).reduce(0L, Long::sum))
            .repeat()
            .takeWhile(resealed -> resealed > 0)
            .doOnNext(resealed -> {
                total[0] += resealed;
                log.info("Field re-encryption: {} values of {} sealed again under key {} so far", total[0],
                    declared.collection(), primary);
            })
            .then(Mono.fromSupplier(() -> total[0]));
    }

    private Mono<Long> resealDocument(SealedFields declared, Document doc) {
        Object id = doc.get("_id");
        return Flux.fromIterable(declared.paths()).concatMap(path -> {
            Object stored = valueAt(doc, path);
            if (!encryption.underAnOldKey(stored)) {
                return Mono.just(0L);
            }
            String place = SealedFields.place(declared.collection(), id, path);
            Document resealed = encryption.seal(encryption.open(stored, place), place);
            Query unchanged = Query.query(Criteria.where("_id").is(id).and(path + "." + FieldEncryption.KEY_ID)
                .is(((Document) stored).get(FieldEncryption.KEY_ID)));
            return mongo.updateFirst(unchanged, new Update().set(path, resealed), declared.collection())
                .map(result -> result.getModifiedCount());
        }).reduce(0L, Long::sum);
    }

    private static Object valueAt(Document doc, String path) {
        Object value = doc;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Document nested)) {
                return null;
            }
            value = nested.get(part);
        }
        return value;
    }
}
