package app.chorus.decisions.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.shared.Problem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decisions in {@code decisions}. Every change of state is one conditional single-document update, so opening and
 * closing happen once however many instances try: the close is claimed (OPEN -> CLOSING), counted, then stored
 * (CLOSING -> CLOSED); a claim left by a crashed instance is taken over after {@link #CLAIM_EXPIRES}.
 */
@Component
class DecisionStore {

    static final Duration CLAIM_EXPIRES = Duration.ofMinutes(2);
    /** How long casting and viewing may use a decision read earlier (a close on another instance takes effect within it). */
    private static final long FRESH_FOR_MS = 1_000;

    private final ReactiveMongoTemplate mongo;
    private final Cache<String, Decision> recent = Caffeine.newBuilder().maximumSize(1_000)
        .expireAfterWrite(Duration.ofMillis(FRESH_FOR_MS)).build();

    DecisionStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Decision> insert(Decision decision) {
        return mongo.insert(decision);
    }

    Mono<Decision> save(Decision decision) {
        return mongo.save(decision).doOnNext(saved -> recent.invalidate(saved.id()));
    }

    Mono<Decision> require(String decisionId) {
        return mongo.findById(decisionId, Decision.class)
            .switchIfEmpty(Mono.error(() -> Problem.notFound("Decision " + decisionId)));
    }

    /**
     * The decision for casting and viewing: read at most once a second per instance (every ballot and results read
     * needs it); a change made here is seen at once, one made by another instance within that second.
     */
    Mono<Decision> recent(String decisionId) {
        Decision cached = recent.getIfPresent(decisionId);
        if (cached != null) {
            return Mono.just(cached);
        }
        return require(decisionId).doOnNext(decision -> recent.put(decisionId, decision));
    }

    /**
     * One page of the decisions someone manages, newest first (ties by id), after {@code after}: all of them for the
     * trust's leaders ({@code everything}), otherwise those they created and those of the schools they lead. Read
     * through indexes, never the whole collection.
     */
    Flux<Decision> managedPage(boolean everything, String createdBy, Collection<String> schools, PositionCursor after, int limit) {
        List<Criteria> all = new ArrayList<>();
        if (!everything) {
            List<Criteria> any = new ArrayList<>();
            if (createdBy != null) {
                any.add(Criteria.where("createdBy").is(createdBy));
            }
            if (!schools.isEmpty()) {
                any.add(Criteria.where("schoolId").in(schools));
            }
            if (any.isEmpty()) {
                return Flux.empty();
            }
            all.add(new Criteria().orOperator(any));
        }
        if (after != null) {
            all.add(new Criteria().orOperator(Criteria.where("createdAt").lt(after.at()),
                Criteria.where("createdAt").is(after.at()).and("_id").lt(after.id())));
        }
        Criteria criteria = all.isEmpty() ? new Criteria() : all.size() == 1 ? all.get(0) : new Criteria().andOperator(all);
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))).limit(limit),
            Decision.class);
    }

    Flux<Decision> ofConsultation(String consultationId) {
        return mongo.find(Query.query(Criteria.where("consultationId").is(consultationId)), Decision.class);
    }

    /** Decisions outside consultations that are open or scheduled (a closed one stays closed). */
    Flux<Decision> openOrPlannedOnTheirOwn() {
        return mongo.find(Query.query(Criteria.where("consultationId").is(null).and("status").ne(DecisionStatus.CLOSED)),
            Decision.class);
    }

    /** Decisions with something due: not closed, or closed but not yet announced (a handful at a time). */
    Flux<Decision> unfinished() {
        return mongo.find(Query.query(new Criteria().orOperator(Criteria.where("status").ne(DecisionStatus.CLOSED),
            Criteria.where("closingAnnouncedAt").is(null))), Decision.class);
    }

    /** SCHEDULED -> OPEN once its time has come; empty when another instance did it (or it is not due). */
    Mono<Decision> markOpened(String decisionId, Instant now) {
        Query due = Query.query(Criteria.where("_id").is(decisionId).and("status").is(DecisionStatus.SCHEDULED)
            .and("opensAt").lte(now));
        return modify(due, new Update().set("status", DecisionStatus.OPEN).set("openedAt", now).inc("version", 1));
    }

    /** Claims the count of a decision that closed by {@code closedBy}; empty when not due or claimed by a live instance. */
    Mono<Decision> claimClose(String decisionId, Instant closedBy, Instant now) {
        Criteria due = Criteria.where("status").in(DecisionStatus.OPEN, DecisionStatus.SCHEDULED).and("closesAt").lte(closedBy);
        Criteria abandoned = Criteria.where("status").is(DecisionStatus.CLOSING).and("closingClaimedAt").lt(now.minus(CLAIM_EXPIRES));
        Query query = Query.query(Criteria.where("_id").is(decisionId).orOperator(due, abandoned));
        return modify(query, new Update().set("status", DecisionStatus.CLOSING).set("closingClaimedAt", now).inc("version", 1));
    }

    /** CLOSING -> CLOSED with the count; empty when another instance stored it first. */
    Mono<Decision> storeResult(String decisionId, Instant claimedAt, Decision.StoredResult result, Instant closedAt) {
        Query mine = Query.query(Criteria.where("_id").is(decisionId).and("status").is(DecisionStatus.CLOSING)
            .and("closingClaimedAt").is(claimedAt));
        return modify(mine, new Update().set("status", DecisionStatus.CLOSED).set("result", result)
            .set("closedAt", closedAt).inc("version", 1));
    }

    Mono<Void> markAnnounced(String decisionId, String field, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(decisionId)), new Update().set(field, at), Decision.class)
            .then();
    }

    private Mono<Decision> modify(Query query, Update update) {
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Decision.class)
            .doOnNext(changed -> recent.invalidate(changed.id()));
    }
}
