package app.chorus.consultations.internal;

import app.chorus.consultations.Phase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Puts right an idea's support counter that a crash left off by one: a support still {@code uncounted}, or a
 * withdrawal still marked, after a grace period means its idea is counted again from its supports. An idea is
 * recounted once its consultation has left the ideas phase, when no support can arrive meanwhile and be counted
 * twice; until then it may read one short (ADR 0150).
 */
@Component
class SupportRecount {

    private static final Logger log = LoggerFactory.getLogger(SupportRecount.class);
    private static final int MOST_PER_SWEEP = 500;
    private final ReactiveMongoTemplate mongo;
    private final ConsultationStore consultations;
    private final Duration grace;
    private final Clock clock;

    SupportRecount(ReactiveMongoTemplate mongo, ConsultationStore consultations,
                   @Value("${chorus.consultations.recount-after:1m}") Duration grace, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.consultations = consultations;
        this.grace = grace;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Recounts the ideas a crash may have left off by one; completes with how many ideas it recounted. */
    Mono<Long> sweep() {
        Instant now = clock.instant();
        Date before = Date.from(now.minus(grace));
        Flux<String> uncounted = mongo.find(Query.query(Criteria.where(Supports.UNCOUNTED).is(true).and("at").lt(before))
            .limit(MOST_PER_SWEEP), Document.class, Supports.COLLECTION).map(support -> support.getString("ideaId"));
        Flux<String> withdrawn = mongo.find(Query.query(Criteria.where("at").lt(before)).limit(MOST_PER_SWEEP), Document.class,
            Supports.RECOUNTS).map(mark -> mark.getString("ideaId"));
        return Flux.concat(uncounted, withdrawn).distinct()
            .concatMap(ideaId -> recountWhenSettled(ideaId, now))
            .reduce(0L, Long::sum)
            .doOnNext(n -> {
                if (n > 0) {
                    log.info("Recounted the supports of {} ideas after an interrupted support or withdrawal", n);
                }
            });
    }

    private Mono<Long> recountWhenSettled(String ideaId, Instant now) {
        return mongo.findById(ideaId, Idea.class)
            .flatMap(idea -> consultations.find(idea.consultationId()))
            .filter(consultation -> consultation.phaseAt(now) != Phase.IDEAS)
            .flatMap(settled -> recount(ideaId))
            .defaultIfEmpty(0L);
    }

    private Mono<Long> recount(String ideaId) {
        Query ofIdea = Query.query(Criteria.where("ideaId").is(ideaId));
        return mongo.count(ofIdea, Supports.COLLECTION)
            .flatMap(n -> mongo.updateFirst(Query.query(Criteria.where("_id").is(ideaId)), new Update().set("supports", n), Idea.class))
            .then(mongo.updateMulti(Query.query(Criteria.where("ideaId").is(ideaId).and(Supports.UNCOUNTED).is(true)),
                new Update().unset(Supports.UNCOUNTED), Supports.COLLECTION))
            .then(mongo.remove(ofIdea, Supports.RECOUNTS))
            .thenReturn(1L);
    }
}
