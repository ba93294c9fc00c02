package app.chorus.announcements.internal;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A store-wide increasing number stamped on every feed change, so clients can ask "what changed since N". */
@Component
class ChangeSequence {

    static final String COLLECTION = "announcement_sequences";
    private final ReactiveMongoTemplate mongo;

    ChangeSequence(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Long> next() {
        return mongo.findAndModify(Query.query(Criteria.where("_id").is("feed")), new Update().inc("value", 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION)
            .map(document -> ((Number) document.get("value")).longValue());
    }
}
