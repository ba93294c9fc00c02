package app.chorus.platform;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Single-document writes of concurrent requests (survey submissions, decision ballots), sent per collection as one unordered {@code bulkWrite} (ADR 0087).
 * Each write still stands alone (no transaction, as before): it is acknowledged when the bulk reply says it was
 * applied, and a write refused on its own (a duplicate key) fails only the caller that sent it, with the same
 * exception a single write would give ({@link org.springframework.dao.DuplicateKeyException}).
 */
@Component
public class BulkWrites {

    /** Enough to carry every submission in flight in one command, small enough for one wire message. */
    public static final int MAX_BATCH = 512;
    private static final BulkWriteOptions UNORDERED = new BulkWriteOptions().ordered(false);
    private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Coalescer<WriteModel<Document>, Void>> collections = new ConcurrentHashMap<>();

    BulkWrites(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> insert(String collection, Document document) {
        return write(collection, new InsertOneModel<>(document));
    }

    public Mono<Void> updateOne(String collection, Query query, Update update) {
        return write(collection, new UpdateOneModel<>(query.getQueryObject(), update.getUpdateObject()));
    }

    public Mono<Void> upsert(String collection, Query query, Update update) {
        return write(collection, new UpdateOneModel<>(query.getQueryObject(), update.getUpdateObject(),
            new UpdateOptions().upsert(true)));
    }

    private Mono<Void> write(String collection, WriteModel<Document> model) {
        return collections.computeIfAbsent(collection, name -> new Coalescer<>(MAX_BATCH, models -> send(name, models)))
            .submit(model);
    }

    private Mono<List<Coalescer.Outcome<Void>>> send(String collection, List<WriteModel<Document>> models) {
        List<Coalescer.Outcome<Void>> applied = Collections.nCopies(models.size(), Coalescer.Outcome.of(null));
        return mongo.getCollection(collection)
            .flatMap(target -> Mono.from(target.bulkWrite(models, UNORDERED)))
            .map(result -> applied)
            .onErrorResume(MongoBulkWriteException.class, refused -> Mono.just(outcomes(refused, applied)))
            .onErrorMap(RuntimeException.class, this::translated);
    }

    /** The items the store refused fail alone; the others were applied (an unordered bulk goes on past a refusal). */
    private List<Coalescer.Outcome<Void>> outcomes(MongoBulkWriteException refused, List<Coalescer.Outcome<Void>> applied) {
        if (refused.getWriteConcernError() != null) {
            return Collections.nCopies(applied.size(), Coalescer.Outcome.failed(translated(refused)));
        }
        List<Coalescer.Outcome<Void>> outcomes = new ArrayList<>(applied);
        for (BulkWriteError error : refused.getWriteErrors()) {
            MongoWriteException alone = new MongoWriteException(error, refused.getServerAddress(), Set.of());
            outcomes.set(error.getIndex(), Coalescer.Outcome.failed(translated(alone)));
        }
        return outcomes;
    }

    private RuntimeException translated(RuntimeException failure) {
        DataAccessException translated = TRANSLATOR.translateExceptionIfPossible(failure);
        return translated != null ? translated : failure;
    }
}
