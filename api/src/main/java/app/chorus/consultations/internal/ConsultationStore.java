package app.chorus.consultations.internal;

import app.chorus.platform.ReadsById;
import app.chorus.shared.Problem;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The consultations collection. Leaders' edits are checked against the version they read; the scheduler's and the push
 * hand-over's marks are field-level updates of fields leaders never write, so neither kind of write undoes or refuses
 * the other. Marks name the collection, not the entity: an update by entity would have the version increased with it.
 */
@Component
class ConsultationStore {

    /** Fields only the scheduler, the push hand-over and delta stamps write after the consultation is created. */
    static final Set<String> SCHEDULER_OWNED = Set.of("_id", "_class", "version", "announcedStage", "unannounced", ChangeStamps.FIELD);

    private final ReactiveMongoTemplate mongo;
    private final ChangeStamps stamps;
    // shared raw documents, each caller maps its own aggregate: a leader's edit must never change another's instance
    private final ReadsById<Document> byId;

    ConsultationStore(ReactiveMongoTemplate mongo, ChangeStamps stamps) {
        this.mongo = mongo;
        this.stamps = stamps;
        this.byId = new ReadsById<>(ids -> mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, Consultation.COLLECTION),
            document -> document.getString("_id"));
    }

    Mono<Consultation> insert(Consultation consultation) {
        return stamps.next().flatMap(seq -> mongo.insert(consultation.stamped(seq)));
    }

    /**
     * Saves a leader's edit read at {@code consultation.version()}: every field of the aggregate except those the
     * scheduler and the push hand-over mark on their own ({@link #SCHEDULER_OWNED}), with the push this edit owes added
     * to those still owed. Fails with {@link OptimisticLockingFailureException} only when another edit was saved since
     * the read; the scheduler's marks never make it fail, and it never undoes them (ADR 0258).
     */
    Mono<Consultation> save(Consultation consultation, PendingPush owed) {
        Document fields = new Document();
        mongo.getConverter().write(consultation, fields);
        Update update = new Update();
        fields.forEach((field, value) -> {
            if (!SCHEDULER_OWNED.contains(field)) {
                update.set(field, value);
            }
        });
        update.inc("version", 1);
        if (owed != null) {
            update.push("unannounced", owed);
        }
        Query unchanged = Query.query(Criteria.where("_id").is(consultation.id()).and("version").is(consultation.version()));
        return stamps.next().flatMap(seq -> mongo.findAndModify(unchanged, update.max(ChangeStamps.FIELD, seq),
                FindAndModifyOptions.options().returnNew(true), Consultation.class))
            .switchIfEmpty(Mono.error(() -> new OptimisticLockingFailureException(
                "Consultation " + consultation.id() + " was edited since version " + consultation.version())));
    }

    /** The consultation as stored now; requests reading it at the same moment share one read (ADR 0402). */
    Mono<Consultation> find(String id) {
        return byId.find(id).map(document -> mongo.getConverter().read(Consultation.class, document));
    }

    Mono<Consultation> require(String id) {
        return find(id).switchIfEmpty(Mono.error(() -> Problem.notFound("Consultation " + id)));
    }

    Flux<Consultation> all() {
        return mongo.findAll(Consultation.class);
    }

    /** The consultations of these schools and the trust-wide ones (no school), not every school's (index on schoolId). */
    Flux<Consultation> ofSchoolsAndTrust(java.util.Collection<String> schoolIds) {
        java.util.List<String> schools = new java.util.ArrayList<>(schoolIds);
        schools.add(null);
        return mongo.find(Query.query(Criteria.where("schoolId").in(schools)), Consultation.class);
    }

    Flux<Consultation> continuing(String id) {
        return mongo.find(Query.query(Criteria.where("continuesFrom").is(id)), Consultation.class);
    }

    /** Clears a push's mark once it is handed over (a field-level mark: the version stays). */
    Mono<Void> clearPending(String id, String key) {
        Query byId = Query.query(Criteria.where("_id").is(id));
        return mongo.updateFirst(byId, new Update().pull("unannounced", new Document("key", key)), Consultation.COLLECTION).then();
    }

    /** Stamps a change the document does not show (who its audience holds moved), so delta sync looks at it again. */
    Mono<Void> restamp(String id, long seq) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().max(ChangeStamps.FIELD, seq),
            Consultation.COLLECTION).then();
    }

    /** Consultations owing a push marked before this time. */
    Flux<Consultation> owingPushesSince(java.time.Instant before) {
        return mongo.find(Query.query(Criteria.where("unannounced.since").lt(before)), Consultation.class);
    }

    /**
     * Records an announced stage only if it is still the one this announcer saw (announced once). A field-level mark:
     * the version a leader's edit is checked against stays as it is.
     */
    Mono<Boolean> markAnnounced(String id, String seen, String announced) {
        Query unchanged = Query.query(Criteria.where("_id").is(id).and("announcedStage").is(seen));
        return stamps.next().flatMap(seq -> mongo.updateFirst(unchanged,
                new Update().set("announcedStage", announced).max(ChangeStamps.FIELD, seq), Consultation.COLLECTION))
            .map(result -> result.getModifiedCount() == 1);
    }
}
