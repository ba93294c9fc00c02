package app.chorus.opinions.internal;

import app.chorus.platform.DeploymentSecrets;
import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import app.chorus.shared.KeyedHashes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased person's statements stay without their author; their votes and their seat among the participants are
 * stored again under a pseudonym per conversation (a keyed hash nobody without the deployment's secret can trace), so
 * the map, its groups and its counts read the same. Copy first, then remove: repeating it does nothing more.
 */
@Component
class ErasedVoters implements DomainEventListener<PersonErased> {

    private final ReactiveMongoTemplate mongo;
    private final Mono<byte[]> key;

    ErasedVoters(ReactiveMongoTemplate mongo, DeploymentSecrets secrets) {
        this.mongo = mongo;
        this.key = secrets.secret(null, "opinion-erasure").cache();
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        String person = event.personId();
        return mongo.updateMulti(Query.query(Criteria.where("authorPersonId").is(person)), new Update().unset("authorPersonId"),
                Statement.COLLECTION)
            .thenMany(mongo.find(Query.query(Criteria.where("participantId").is(person)), StoredVote.class,
                StoredVote.COLLECTION))
            .concatMap(vote -> pseudonym(vote.conversationId(), person).flatMap(as -> moved(new StoredVote(
                StoredVote.key(vote.conversationId(), as, vote.statementId()), vote.conversationId(), as, vote.statementId(),
                vote.value(), vote.at()), vote.id(), StoredVote.COLLECTION)))
            .thenMany(mongo.find(Query.query(Criteria.where("personId").is(person)), Participant.class,
                Participant.COLLECTION))
            .concatMap(seat -> pseudonym(seat.conversationId(), person).flatMap(as -> moved(new Participant(
                seat.conversationId() + ":" + as, seat.conversationId(), null, seat.schoolId(), seat.role()), seat.id(),
                Participant.COLLECTION)))
            .then();
    }

    private Mono<String> pseudonym(String conversationId, String personId) {
        return key.map(secret -> "erased-" + KeyedHashes.hmac(secret, conversationId + "|" + personId));
    }

    private Mono<Void> moved(Object copy, String oldId, String collection) {
        return mongo.insert(copy, collection).then().onErrorResume(DuplicateKeyException.class, again -> Mono.empty())
            .then(mongo.remove(Query.query(Criteria.where("_id").is(oldId)), collection)).then();
    }
}
