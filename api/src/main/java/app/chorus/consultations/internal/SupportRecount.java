package app.chorus.consultations.internal;

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
 * withdrawal still marked, after a grace period puts its idea in doubt, and the idea is counted again from its supports
 * (ADR 0150), also while its ideas phase is open (ADR 0221). The recount is a compare-and-set over the counter read
 * first, and only when no support or withdrawal of the idea is in flight: a support counted here cannot then be
 * counted again by its own increment, and an increment that lands meanwhile makes the recount wait for the next sweep.
 */
@Component
class SupportRecount {

    private static final Logger log = LoggerFactory.getLogger(SupportRecount.class);
    private static final int MOST_PER_SWEEP = 500;
    private final ReactiveMongoTemplate mongo;
    private final Duration grace;
    private final Clock clock;

    SupportRecount(ReactiveMongoTemplate mongo, @Value("${chorus.consultations.recount-after:1m}") Duration grace,
                   ObjectProvider<Clock> clock) {
        this.mongo = mongo;
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

    /**
     * Reads the counter, counts the supports, then looks for a support or withdrawal younger than the grace period (it
     * may still move the counter: the idea waits for the next sweep); otherwise every increment of a support counted
     * here is already in the counter read first, or lands after it and fails the compare-and-set (or, for a support
     * stored after the count, adds to it).
     */
    private Mono<Long> recountWhenSettled(String ideaId, Instant now) {
        Date settledBefore = Date.from(now.minus(grace));
        Query ofIdea = Query.query(Criteria.where("ideaId").is(ideaId));
        Query inFlight = Query.query(Criteria.where("ideaId").is(ideaId).and("at").gte(settledBefore));
        Query inFlightSupports = Query.query(Criteria.where("ideaId").is(ideaId).and(Supports.UNCOUNTED).is(true)
            .and("at").gte(settledBefore));
        return mongo.findById(ideaId, Document.class, Idea.COLLECTION).flatMap(idea -> {
            long read = idea.get("supports") instanceof Number n ? n.longValue() : 0L;
            return mongo.count(ofIdea, Supports.COLLECTION).flatMap(count -> mongo.exists(inFlightSupports, Supports.COLLECTION)
                    .flatMap(supporting -> supporting ? Mono.just(true) : mongo.exists(inFlight, Supports.RECOUNTS))
                    .flatMap(busy -> busy ? Mono.just(false) : replace(ideaId, read, count)))
                .flatMap(recounted -> recounted ? settle(ideaId, settledBefore).thenReturn(1L) : Mono.just(0L));
        }).defaultIfEmpty(0L);
    }

    /** Sets the counter only if it still holds what was read before the count. */
    private Mono<Boolean> replace(String ideaId, long read, long count) {
        Query unchanged = Query.query(Criteria.where("_id").is(ideaId).and("supports").is(read));
        return mongo.updateFirst(unchanged, new Update().set("supports", count), Idea.COLLECTION)
            .map(result -> result.getMatchedCount() == 1);
    }

    /** Clears the marks that put the idea in doubt (those the recount covered, not newer ones). */
    private Mono<Void> settle(String ideaId, Date settledBefore) {
        Query stale = Query.query(Criteria.where("ideaId").is(ideaId).and("at").lt(settledBefore));
        return mongo.updateMulti(Query.query(Criteria.where("ideaId").is(ideaId).and(Supports.UNCOUNTED).is(true)
                .and("at").lt(settledBefore)), new Update().unset(Supports.UNCOUNTED), Supports.COLLECTION)
            .then(mongo.remove(stale, Supports.RECOUNTS))
            .then();
    }
}
