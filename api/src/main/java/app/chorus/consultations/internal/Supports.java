package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.Date;
import app.chorus.platform.DeploymentSecrets;
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
 * Supports ({@code consultation_supports}): one per idea and voice by the primary key {@code ideaId|voice}, and the
 * idea's counter moved by one atomic {@code $inc} per support. In anonymous consultations the voice is stored only
 * as a keyed hash and no person id is kept, so a support cannot be traced back, nor withdrawn.
 */
@Component
class Supports {

    static final String COLLECTION = "consultation_supports";
    private final ReactiveMongoTemplate mongo;
    private final Mono<byte[]> key;

    Supports(ReactiveMongoTemplate mongo, DeploymentSecrets secrets) {
        this.mongo = mongo;
        this.key = secrets.secret(null, "support-hmac").cache();
    }

    /** Adds the support and counts it; completes false when this voice already supports the idea. */
    Mono<Boolean> add(Consultation consultation, String ideaId, Voice voice, Instant now) {
        return voiceId(consultation, voice).flatMap(voiceId -> {
            Document support = new Document("_id", ideaId + "|" + voiceId).append("ideaId", ideaId)
                .append("consultationId", consultation.id()).append("voice", voiceId).append("at", Date.from(now));
            if (!consultation.anonymous()) {
                support.append("personId", voice.personId());
            }
            return mongo.insert(support, COLLECTION).then(count(ideaId, 1)).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, twice -> Mono.just(false));
        });
    }

    /** Removes the support and uncounts it; completes false when there was none. */
    Mono<Boolean> withdraw(Consultation consultation, String ideaId, Voice voice) {
        return voiceId(consultation, voice)
            .flatMap(voiceId -> mongo.remove(Query.query(Criteria.where("_id").is(ideaId + "|" + voiceId)), COLLECTION))
            .flatMap(removed -> removed.getDeletedCount() == 1 ? count(ideaId, -1).thenReturn(true) : Mono.just(false));
    }

    /**
     * Moves the duplicate's supports to the idea it is merged into: a voice that supported both counts once. Each step
     * is idempotent, so a merge cut short is finished by running it again.
     */
    Mono<Long> move(String consultationId, String fromIdeaId, String intoIdeaId) {
        Query ofDuplicate = Query.query(Criteria.where("ideaId").is(fromIdeaId));
        return mongo.find(ofDuplicate, Document.class, COLLECTION)
            .concatMap(support -> moveOne(consultationId, support, intoIdeaId))
            .reduce(0L, Long::sum);
    }

    private Mono<Long> moveOne(String consultationId, Document support, String intoIdeaId) {
        Document moved = new Document(support).append("_id", intoIdeaId + "|" + support.getString("voice")).append("ideaId", intoIdeaId);
        Mono<Long> added = mongo.insert(moved, COLLECTION).then(count(intoIdeaId, 1)).thenReturn(1L)
            .onErrorResume(DuplicateKeyException.class, both -> Mono.just(0L));
        return added.flatMap(n -> mongo.remove(Query.query(Criteria.where("_id").is(support.get("_id"))), COLLECTION)
            .flatMap(removed -> removed.getDeletedCount() == 1 ? count(support.getString("ideaId"), -1) : Mono.empty())
            .thenReturn(n));
    }

    private Mono<Void> count(String ideaId, int by) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(ideaId)), new Update().inc("supports", by), Idea.class).then();
    }

    private Mono<String> voiceId(Consultation consultation, Voice voice) {
        if (!consultation.anonymous()) {
            return Mono.just(voice.key());
        }
        return key().map(secret -> KeyedHashes.hmac(secret, consultation.id() + "|" + voice.key()));
    }

    private Mono<byte[]> key() {
        return key;
    }
}
