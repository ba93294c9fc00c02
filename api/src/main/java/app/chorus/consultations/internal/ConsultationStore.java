package app.chorus.consultations.internal;

import app.chorus.shared.Problem;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The consultations collection. */
@Component
class ConsultationStore {

    private final ReactiveMongoTemplate mongo;
    private final ChangeStamps stamps;

    ConsultationStore(ReactiveMongoTemplate mongo, ChangeStamps stamps) {
        this.mongo = mongo;
        this.stamps = stamps;
    }

    Mono<Consultation> insert(Consultation consultation) {
        return stamps.next().flatMap(seq -> mongo.insert(consultation.stamped(seq)));
    }

    Mono<Consultation> save(Consultation consultation) {
        return stamps.next().flatMap(seq -> mongo.save(consultation.stamped(seq)));
    }

    Mono<Consultation> find(String id) {
        return mongo.findById(id, Consultation.class);
    }

    Mono<Consultation> require(String id) {
        return find(id).switchIfEmpty(Mono.error(() -> Problem.notFound("Consultation " + id)));
    }

    Flux<Consultation> all() {
        return mongo.findAll(Consultation.class);
    }

    Flux<Consultation> continuing(String id) {
        return mongo.find(Query.query(Criteria.where("continuesFrom").is(id)), Consultation.class);
    }

    /** Clears a push's mark once it is handed over (the version stays: a save from an older read only marks it again). */
    Mono<Void> clearPending(String id, String key) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        return mongo.updateFirst(byId, new Update().pull("unannounced", new org.bson.Document("key", key)), Consultation.class).then();
    }

    /** Consultations owing a push marked before this time. */
    Flux<Consultation> owingPushesSince(java.time.Instant before) {
        return mongo.find(Query.query(Criteria.where("unannounced.since").lt(before)), Consultation.class);
    }

    /** Records an announced stage only if it is still the one this announcer saw (announced once). */
    Mono<Boolean> markAnnounced(String id, String seen, String announced) {
        Query unchanged = Query.query(Criteria.where("_id").is(id).and("announcedStage").is(seen));
        return stamps.next().flatMap(seq -> mongo.updateFirst(unchanged,
                new Update().set("announcedStage", announced).set(ChangeStamps.FIELD, seq).inc("version", 1), Consultation.class))
            .map(result -> result.getModifiedCount() == 1);
    }
}
