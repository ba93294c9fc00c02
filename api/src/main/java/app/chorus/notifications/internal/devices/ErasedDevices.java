package app.chorus.notifications.internal.devices;

import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased person's devices, preferences and live token claims are removed, so nothing is pushed to them again; the
 * claims of tokens FCM declared dead stay without the person, so those tokens are still never used.
 */
@Component
class ErasedDevices implements DomainEventListener<PersonErased> {

    private final ReactiveMongoTemplate mongo;

    ErasedDevices(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        return mongo.remove(Query.query(Criteria.where("_id").is(event.personId())), Recipients.RECIPIENTS)
            .then(mongo.remove(Query.query(Criteria.where("personId").is(event.personId()).and("retired").is(false)),
                Recipients.TOKENS))
            .then(mongo.updateMulti(Query.query(Criteria.where("personId").is(event.personId())),
                new Update().unset("personId").unset("installationId"), Recipients.TOKENS))
            .then();
    }
}
