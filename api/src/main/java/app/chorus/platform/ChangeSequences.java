package app.chorus.platform;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Store-wide increasing numbers stamped on changes, so clients can ask "what changed since N" (delta sync): one counter
 * document per sequence, moved by a single atomic {@code $inc}.
 */
public final class ChangeSequences {

    private ChangeSequences() {
    }

    /** The next number of the sequence {@code name} kept in {@code collection} (1 first). */
    public static Mono<Long> next(ReactiveMongoTemplate mongo, String collection, String name) {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(name)), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, collection)
            .map(document -> ((Number) document.get("value")).longValue());
    }
}
