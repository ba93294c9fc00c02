package app.chorus.announcements.internal;

import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased person's receipts and read state are deleted. The reach counters were counted as the receipts came and
 * stay, so an announcement's reach reads the same.
 */
@Component
class ErasedReaders implements DomainEventListener<PersonErased> {

    private final ReactiveMongoTemplate mongo;

    ErasedReaders(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        return mongo.remove(Query.query(Criteria.where("personId").is(event.personId())), Receipt.class)
            .then(mongo.remove(Query.query(Criteria.where("_id").is(event.personId())), ReaderState.class))
            .then();
    }
}
