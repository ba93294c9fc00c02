package app.chorus.consultations.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.platform.BulkWrites;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who took part ({@code consultation_participants}, one per person by its key) and counters of taking part by school,
 * year group and role ({@code consultation_participation}, one document per consultation, incremented when a person
 * first takes part): analytics read the counters, never scan the participants.
 */
@Component
class Participants {

    static final String PEOPLE = "consultation_participants";
    static final String COUNTS = "consultation_participation";
    private final ReactiveMongoTemplate mongo;
    private final BulkWrites bulk;
    /**
     * People this instance knows to be recorded already: their next contributions send no insert the store would refuse.
     * Records go only when a person is erased or the consultation's contributions expire, and neither acts again then.
     */
    private final Cache<String, Boolean> recorded = Caffeine.newBuilder().maximumSize(200_000)
        .expireAfterWrite(Duration.ofMinutes(10)).build();

    Participants(ReactiveMongoTemplate mongo, BulkWrites bulk) {
        this.mongo = mongo;
        this.bulk = bulk;
    }

    /** Records that this voice's person took part (the first time counts). */
    Mono<Void> tookPart(String consultationId, Voice voice, Instant now) {
        String id = consultationId + "|" + voice.personId();
        if (recorded.getIfPresent(id) != null) {
            return Mono.empty();
        }
        Document person = new Document("_id", id).append("consultationId", consultationId)
            .append("personId", voice.personId()).append("schoolId", voice.schoolId()).append("yearGroup", voice.yearGroup())
            .append("role", voice.role().name()).append("at", Date.from(now));
        // shared with concurrent requests: after a person's first time, every call is a refused duplicate
        return bulk.insert(PEOPLE, person)
            .then(count(consultationId, voice))
            .onErrorResume(DuplicateKeyException.class, already -> Mono.empty())
            .doOnSuccess(done -> recorded.put(id, true));
    }

    private Mono<Void> count(String consultationId, Voice voice) {
        String school = voice.schoolId() == null ? "-" : voice.schoolId();
        Update update = new Update().inc("total", 1).inc("school." + school, 1)
            .inc("year." + school + ":" + (voice.yearGroup() == null ? "-" : voice.yearGroup()), 1)
            .inc("role." + voice.role().key(), 1);
        return bulk.upsert(COUNTS, Query.query(Criteria.where("_id").is(consultationId)), update);
    }

    Mono<Document> counts(String consultationId) {
        return mongo.findById(consultationId, Document.class, COUNTS).defaultIfEmpty(new Document("total", 0));
    }

    Mono<Boolean> hasTakenPart(String consultationId, String personId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consultationId + "|" + personId)), PEOPLE);
    }

    /** Those who took part, in a stable order (by key), as push recipients. */
    Flux<AudienceMember> members(String consultationId) {
        Query query = Query.query(Criteria.where("consultationId").is(consultationId)).with(Sort.by("_id"));
        return mongo.find(query, Document.class, PEOPLE).map(document -> new AudienceMember(document.getString("personId"),
            AudienceRole.valueOf(document.getString("role")),
            document.getString("schoolId") == null ? Set.of() : Set.of(document.getString("schoolId")), Set.of(), null));
    }
}
