package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.Date;
import app.chorus.platform.BulkWrites;
import app.chorus.platform.DeploymentSecrets;
import app.chorus.platform.ReadsById;
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
 * <p>
 * The support and the counter are two single-document writes: a support is stored {@code uncounted} until its
 * increment is done, and a withdrawal leaves a mark in {@code consultation_recounts} until its decrement is done. What a
 * crash leaves behind is recounted by {@link SupportRecount}. A support's three writes go through {@link BulkWrites}, so
 * concurrent supports share their store commands while each write still stands alone (ADR 0325).
 */
@Component
class Supports {

    static final String COLLECTION = "consultation_supports";
    static final String RECOUNTS = "consultation_recounts";
    static final String UNCOUNTED = "uncounted";
    private final ReactiveMongoTemplate mongo;
    private final BulkWrites bulk;
    private final Mono<byte[]> key;
    // a reader's supports, looked up by id: the lookups of requests in flight together share one read
    private final ReadsById<Document> byId;

    Supports(ReactiveMongoTemplate mongo, BulkWrites bulk, DeploymentSecrets secrets) {
        this.mongo = mongo;
        this.bulk = bulk;
        this.byId = new ReadsById<>(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION),
            support -> support.getString("_id"));
        this.key = secrets.secret(null, "support-hmac").cache();
    }

    /** Adds the support and counts it; completes false when this voice already supports the idea. */
    Mono<Boolean> add(Consultation consultation, String ideaId, Voice voice, Instant now) {
        return voiceId(consultation, voice).flatMap(voiceId -> {
            Document support = new Document("_id", ideaId + "|" + voiceId).append("ideaId", ideaId)
                .append("consultationId", consultation.id()).append("voice", voiceId).append("at", Date.from(now))
                .append(UNCOUNTED, true);
            if (!consultation.anonymous()) {
                support.append("personId", voice.personId());
            }
            return bulk.insert(COLLECTION, support).then(count(ideaId, 1)).then(counted(support.getString("_id"))).thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, twice -> Mono.just(false));
        });
    }

    /** Removes the support and uncounts it; completes false when there was none. */
    Mono<Boolean> withdraw(Consultation consultation, String ideaId, Voice voice, Instant now) {
        return voiceId(consultation, voice).flatMap(voiceId -> remove(ideaId, ideaId + "|" + voiceId, now));
    }

    /** Removes one support and uncounts it, under a recount mark that goes once both are done. */
    private Mono<Boolean> remove(String ideaId, String supportId, Instant now) {
        Query mark = Query.query(Criteria.where("_id").is(supportId));
        return mongo.upsert(mark, new Update().set("ideaId", ideaId).set("at", Date.from(now)), RECOUNTS)
            .then(mongo.remove(Query.query(Criteria.where("_id").is(supportId)), COLLECTION))
            .flatMap(removed -> (removed.getDeletedCount() == 1 ? count(ideaId, -1).thenReturn(true) : Mono.just(false))
                .flatMap(done -> mongo.remove(mark, RECOUNTS).thenReturn(done)));
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
        String movedId = intoIdeaId + "|" + support.getString("voice");
        // a fresh time: the recount must see the moved support as in flight until it is counted
        Document moved = new Document(support).append("_id", movedId).append("ideaId", intoIdeaId).append(UNCOUNTED, true)
            .append("at", new Date());
        Mono<Long> added = mongo.insert(moved, COLLECTION).then(count(intoIdeaId, 1)).then(counted(movedId)).thenReturn(1L)
            .onErrorResume(DuplicateKeyException.class, both -> Mono.just(0L));
        return added.flatMap(n -> remove(support.getString("ideaId"), support.getString("_id"), Instant.now()).thenReturn(n));
    }

    private Mono<Void> counted(String supportId) {
        return bulk.updateOne(COLLECTION, Query.query(Criteria.where("_id").is(supportId)), new Update().unset(UNCOUNTED));
    }

    private Mono<Void> count(String ideaId, int by) {
        return bulk.updateOne(Idea.COLLECTION, Query.query(Criteria.where("_id").is(ideaId)), new Update().inc("supports", by));
    }

    /** For each idea, the reader's voices ({@code as}) that support it; ideas none of them supports are absent. */
    Mono<java.util.Map<String, java.util.List<String>>> supportedBy(Consultation consultation, java.util.List<Voice> voices,
                                                                    java.util.Collection<String> ideaIds) {
        return reactor.core.publisher.Flux.fromIterable(voices)
            .concatMap(voice -> voiceId(consultation, voice).map(id -> java.util.Map.entry(id, voice.as())))
            .collectMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)
            .flatMap(asByVoiceId -> {
                java.util.List<String> keys = ideaIds.stream().flatMap(idea -> asByVoiceId.keySet().stream().map(v -> idea + "|" + v)).toList();
                return reactor.core.publisher.Flux.fromIterable(keys).flatMapSequential(byId::find, ReadsById.MAX_BATCH)
                    .collect(java.util.stream.Collectors.groupingBy(support -> support.getString("ideaId"), java.util.TreeMap::new,
                        java.util.stream.Collectors.mapping(support -> asByVoiceId.get(support.getString("voice")),
                            java.util.stream.Collectors.toList())))
                    .map(found -> (java.util.Map<String, java.util.List<String>>) found);
            });
    }

    /** What a voice is stored as: its key, or in anonymous consultations a keyed hash of it. */
    Mono<String> voiceId(Consultation consultation, Voice voice) {
        if (!consultation.anonymous()) {
            return Mono.just(voice.key());
        }
        return key().map(secret -> KeyedHashes.hmac(secret, consultation.id() + "|" + voice.key()));
    }

    private Mono<byte[]> key() {
        return key;
    }
}
