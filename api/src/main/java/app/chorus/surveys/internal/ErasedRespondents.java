package app.chorus.surveys.internal;

import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased person's named answers are removed and their confidential answers no longer lead to them; the tallies,
 * counted when the answers came, stay as they are, and the participation marks stay so nobody answers twice.
 */
@Component
class ErasedRespondents implements DomainEventListener<PersonErased> {

    private final ReactiveMongoTemplate mongo;

    ErasedRespondents(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        Query theirs = Query.query(Criteria.where("personId").is(event.personId()));
        return mongo.remove(theirs, Responses.COLLECTION)
            .then(mongo.updateMulti(theirs, new Update().unset("personId").unset("pupilId"), Participations.COLLECTION))
            .then();
    }
}
