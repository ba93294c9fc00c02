package app.chorus.consultations.internal;

import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.RosteredPerson;
import app.chorus.directory.RosterImported;
import app.chorus.platform.DomainEventListener;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who a consultation open for taking part reaches, as the roster said when it opened and after each roster import since
 * ({@code consultation_reach}). A roster import stamps the open consultations of its schools (and the trust-wide ones),
 * so delta sync brings them to those who joined and takes them off the homes of those who no longer take part; those
 * who left its audience altogether cannot see it any more, so each is recorded ({@code consultation_departures}) for
 * the delta to name it to them, and to nobody else (ADR 0260). An import's own people only, a page at a time (ADR 0371):
 * one school's import costs the people it changed, not the trust's audience. Bounded memory.
 */
@Component
class RosterReach implements DomainEventListener<RosterImported> {

    static final String REACH = "consultation_reach";
    static final String DEPARTURES = "consultation_departures";
    /** One document per consultation whose reach is recorded in full (at opening or by an import since). */
    static final String RECORDED = "consultation_reach_recorded";
    static final String AT_OPENING = "opening";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(RosterReach.class);
    private final ConsultationStore consultations;
    private final ChangeStamps stamps;
    private final AudienceResolver audiences;
    private final DirectoryQueries directory;
    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    RosterReach(ConsultationStore consultations, ChangeStamps stamps, AudienceResolver audiences, DirectoryQueries directory,
                ReactiveMongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.consultations = consultations;
        this.stamps = stamps;
        this.audiences = audiences;
        this.directory = directory;
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    public Class<RosterImported> eventType() {
        return RosterImported.class;
    }

    /**
     * Idempotent on the import: a repeat finds nobody new to have left, and stamps again. Reads only the people the
     * import changed or took off the roster, a page at a time and once for all the open consultations it touches
     * (ADR 0371); a consultation whose reach was never recorded in full is resolved in full once.
     */
    @Override
    public Mono<Void> on(RosterImported event) {
        Instant now = clock.instant();
        return consultations.ofSchoolsAndTrust(event.schoolIds())
            .filter(consultation -> consultation.takingPartAt(now) && touches(consultation, event.schoolIds()))
            .concatMap(consultation -> isRecorded(consultation.id()).map(recorded -> Map.entry(consultation, recorded)))
            .collectList()
            .flatMap(open -> Flux.fromIterable(open).filter(entry -> !entry.getValue())
                .concatMap(entry -> refresh(entry.getKey(), event.importId()))
                .concatWith(follow(open.stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList(), event))
                .reduce(0L, Long::sum))
            .doOnNext(left -> log.info("Roster import {}: open consultations restamped, {} people no longer reached", event.importId(), left))
            .then();
    }

    /** Who the consultation reaches as it opens (once: repeats change nothing). */
    Mono<Void> record(Consultation consultation) {
        return audiences.resolve(consultation.audience()).map(AudienceMember::personId)
            .buffer(BATCH)
            .concatMap(batch -> reached(consultation.id(), batch, AT_OPENING, true))
            .then(Mono.defer(() -> recorded(consultation.id())));
    }

    /** Whether the consultation's reach was recorded in full (consultations opened before ADR 0260 have none). */
    Mono<Boolean> isRecorded(String consultationId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(consultationId)), RECORDED);
    }

    private Mono<Void> recorded(String consultationId) {
        return mongo.upsert(Query.query(Criteria.where("_id").is(consultationId)), new Update().set("at", java.util.Date.from(clock.instant())),
            RECORDED).then();
    }

    /** Whether this person stopped being reached by the consultation after stamp {@code since}. */
    Mono<Boolean> leftSince(String consultationId, String personId, long since) {
        if (personId == null) {
            return Mono.just(false);
        }
        return mongo.exists(Query.query(Criteria.where("_id").is(consultationId + "|" + personId).and("seq").gt(since)), DEPARTURES);
    }

    /**
     * Marks everyone reached now with this import, records those it no longer reaches, and stamps it; how many left. The
     * whole audience: only for a consultation whose reach was never recorded in full.
     */
    private Mono<Long> refresh(Consultation consultation, String importId) {
        String id = consultation.id();
        return stamps.next().flatMap(seq -> audiences.resolve(consultation.audience()).map(AudienceMember::personId)
            .buffer(BATCH)
            .concatMap(batch -> reached(id, batch, importId, false))
            .then(Mono.defer(() -> notReachedBy(id, importId, seq)))
            .flatMap(left -> consultations.restamp(id, seq).then(recorded(id)).thenReturn(left)));
    }

    /** An open consultation followed by one import, with the stamp its changes get. */
    private record Followed(String id, Set<String> keys, long seq) {
    }

    /**
     * Follows the import's changes only, reading its people once for all these consultations: who it changed joins or
     * leaves each one's reach, who it took off the roster leaves it.
     */
    private Mono<Long> follow(List<Consultation> open, RosterImported event) {
        if (open.isEmpty()) {
            return Mono.just(0L);
        }
        return Flux.fromIterable(open).concatMap(consultation -> stamps.next()
                .map(seq -> new Followed(consultation.id(), consultation.audience().keys(), seq)))
            .collectList()
            .flatMap(followed -> directory.changedByPages(event.importId(), BATCH)
                .map(page -> page.stream().map(RosteredPerson::id).toList())
                .concatMap(changed -> audiences.keysOf(changed).flatMapMany(byPerson -> Flux.fromIterable(followed)
                    .concatMap(consultation -> {
                        Map<Boolean, List<String>> byReach = changed.stream().collect(Collectors.partitioningBy(personId ->
                            !Collections.disjoint(byPerson.getOrDefault(personId, Set.of()), consultation.keys())));
                        return reached(consultation.id(), byReach.get(true), event.importId(), false)
                            .then(departed(consultation.id(), byReach.get(false), consultation.seq()));
                    })))
                .concatWith(directory.leftInPages(event.importId(), BATCH).flatMapIterable(left -> followed.stream()
                    .map(consultation -> Map.entry(consultation, left)).toList())
                    .concatMap(entry -> departed(entry.getKey().id(), entry.getValue(), entry.getKey().seq())))
                .reduce(0L, Long::sum)
                .flatMap(left -> Flux.fromIterable(followed).concatMap(consultation -> consultations.restamp(consultation.id(), consultation.seq()))
                    .then(Mono.just(left))));
    }

    /** Of these people, those the consultation reached leave its reach; how many. */
    private Mono<Long> departed(String consultationId, List<String> personIds, long seq) {
        if (personIds.isEmpty()) {
            return Mono.just(0L);
        }
        Query wasReached = Query.query(Criteria.where("_id").in(personIds.stream().map(personId -> consultationId + "|" + personId).toList()));
        wasReached.fields().include("personId");
        return mongo.find(wasReached, Document.class, REACH).map(reach -> reach.getString("personId")).collectList()
            .flatMap(left -> left.isEmpty() ? Mono.just(0L) : recordDepartures(consultationId, left, seq).thenReturn((long) left.size()));
    }

    /** Records these people as reached in this generation ({@code onlyNew}: leaving those recorded before as they are). */
    private Mono<Void> reached(String consultationId, List<String> personIds, String generation, boolean onlyNew) {
        if (personIds.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, REACH);
        personIds.forEach(personId -> {
            Update update = new Update().set("consultationId", consultationId).set("personId", personId);
            bulk.upsert(Query.query(Criteria.where("_id").is(consultationId + "|" + personId)),
                onlyNew ? update.setOnInsert("generation", generation) : update.set("generation", generation));
        });
        return bulk.execute().then();
    }

    private Mono<Long> notReachedBy(String consultationId, String importId, long seq) {
        Query gone = Query.query(Criteria.where("consultationId").is(consultationId).and("generation").ne(importId));
        return mongo.find(gone, Document.class, REACH).map(left -> left.getString("personId"))
            .buffer(BATCH)
            .concatMap(left -> recordDepartures(consultationId, left, seq).thenReturn((long) left.size()))
            .reduce(0L, Long::sum);
    }

    private Mono<Void> recordDepartures(String consultationId, List<String> personIds, long seq) {
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, DEPARTURES);
        personIds.forEach(personId -> bulk.upsert(Query.query(Criteria.where("_id").is(consultationId + "|" + personId)),
            new Update().set("consultationId", consultationId).set("personId", personId).max("seq", seq)));
        List<String> ids = personIds.stream().map(personId -> consultationId + "|" + personId).toList();
        return bulk.execute().then(mongo.remove(Query.query(Criteria.where("_id").in(ids)), REACH)).then();
    }

    private static boolean touches(Consultation consultation, List<String> schoolIds) {
        return consultation.isTrustWide() || schoolIds.contains(consultation.schoolId());
    }
}
