package app.chorus.surveys.internal;

import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased person's named answers are removed (their written answers from the moderation queue too, unless they
 * raised a safeguarding concern) and their confidential answers no longer lead to them; the tallies,
 * counted when the answers came, stay as they are, and the participation marks stay so nobody answers twice.
 */
@Component
class ErasedRespondents implements DomainEventListener<PersonErased> {

    private final ReactiveMongoTemplate mongo;
    private final FreeTextScreening screening;
    private final ConfidentialIdentities identities;

    ErasedRespondents(ReactiveMongoTemplate mongo, FreeTextScreening screening, ConfidentialIdentities identities) {
        this.mongo = mongo;
        this.screening = screening;
        this.identities = identities;
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        Query theirs = Query.query(Criteria.where("personId").is(event.personId()));
        return mongo.find(theirs, org.bson.Document.class, Responses.COLLECTION).concatMap(screening::forget)
            .then(mongo.remove(theirs, Responses.COLLECTION))
            .then(identities.of(event.personId()).flatMap(marks -> mongo.updateMulti(Query.query(marks),
                ConfidentialIdentities.forgotten(), Participations.COLLECTION)))
            .then();
    }
}
