package app.chorus.announcements.internal;

import app.chorus.platform.ChangeSequences;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
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
        return ChangeSequences.next(mongo, COLLECTION, "feed");
    }
}
