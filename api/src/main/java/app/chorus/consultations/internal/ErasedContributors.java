package app.chorus.consultations.internal;

import app.chorus.platform.DeploymentSecrets;
import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import app.chorus.shared.KeyedHashes;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased person's ideas and comments stay (moderated, part of the consultation's record) without their author; their
 * named supports are stored again under a key nobody can trace to them (the idea's count does not move); they leave
 * the list of those who took part (its counters stay). Every step is idempotent on the person.
 */
@Component
class ErasedContributors implements DomainEventListener<PersonErased> {

    private final ReactiveMongoTemplate mongo;
    private final Mono<byte[]> key;

    ErasedContributors(ReactiveMongoTemplate mongo, DeploymentSecrets secrets) {
        this.mongo = mongo;
        this.key = secrets.secret(null, "support-hmac").cache();
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        Query authored = Query.query(Criteria.where("authorId").is(event.personId()));
        Query theirs = Query.query(Criteria.where("personId").is(event.personId()));
        return mongo.updateMulti(authored, new Update().unset("authorId"), Idea.COLLECTION)
            .then(mongo.updateMulti(authored, new Update().unset("authorId"), Comment.COLLECTION))
            .then(detachSupports(theirs))
            .then(mongo.remove(theirs, Participants.PEOPLE))
            .then(mongo.remove(theirs, RosterReach.REACH))
            .then(mongo.remove(theirs, RosterReach.DEPARTURES))
            .then();
    }

    /** Stores the named supports (those with a {@code personId}) the query finds again under keys nobody can trace. */
    Mono<Long> detachSupports(Query named) {
        return mongo.find(named, Document.class, Supports.COLLECTION)
            .concatMap(support -> rekey(support).thenReturn(1L)).reduce(0L, Long::sum);
    }

    /** The same support under a keyed hash of its old key, then the old one removed. */
    private Mono<Void> rekey(Document support) {
        String oldId = support.getString("_id");
        return key.flatMap(secret -> {
            String voice = "erased-" + KeyedHashes.hmac(secret, "erased|" + oldId);
            Document detached = new Document(support).append("_id", support.getString("ideaId") + "|" + voice)
                .append("voice", voice);
            detached.remove("personId");
            return mongo.insert(detached, Supports.COLLECTION).then()
                .onErrorResume(DuplicateKeyException.class, again -> Mono.empty())
                .then(mongo.remove(Query.query(Criteria.where("_id").is(oldId)), Supports.COLLECTION))
                .then();
        });
    }
}
