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
        return detach(Criteria.where("authorPersonId").is(event.personId()), Criteria.where("personId").is(event.personId()))
            .then();
    }

    /**
     * Unsets the author of the statements {@code authored} finds, and stores the votes and seat of each participant
     * {@code seated} finds again under their pseudonym (votes first, the seat last, so a cut-short run is finished by
     * the next); emits how many seats it moved.
     */
    Mono<Long> detach(Criteria authored, Criteria seated) {
        return mongo.updateMulti(Query.query(authored), new Update().unset("authorPersonId"), Statement.COLLECTION)
            .thenMany(mongo.find(Query.query(seated), Participant.class, Participant.COLLECTION))
            .concatMap(seat -> pseudonym(seat.conversationId(), seat.personId()).flatMap(as -> moveVotes(seat, as)
                .then(moved(new Participant(seat.conversationId() + ":" + as, seat.conversationId(), null, seat.schoolId(),
                    seat.role()), seat.id(), Participant.COLLECTION))).thenReturn(1L))
            .reduce(0L, Long::sum);
    }

    private Mono<Void> moveVotes(Participant seat, String as) {
        Query theirs = Query.query(Criteria.where("conversationId").is(seat.conversationId()).and("participantId")
            .is(seat.personId()));
        return mongo.find(theirs, StoredVote.class, StoredVote.COLLECTION)
            .concatMap(vote -> moved(new StoredVote(StoredVote.key(vote.conversationId(), as, vote.statementId()),
                vote.conversationId(), as, vote.statementId(), vote.value(), vote.at()), vote.id(), StoredVote.COLLECTION))
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
