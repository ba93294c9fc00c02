package app.chorus.decisions.internal;

import app.chorus.platform.Repeating;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Finishes anonymous ballots a crash interrupted (ADR 0155). A mark still PENDING after
 * {@code chorus.decisions.recover-after} either has its ballot stored, which is then claimed and counted once, or not,
 * and is then forgotten: the voter was never told it was cast and may vote again.
 */
@Component
public class InterruptedBallots {

    private static final Logger log = LoggerFactory.getLogger(InterruptedBallots.class);

    private final ReactiveMongoTemplate mongo;
    private final DecisionStore decisions;
    private final BallotCasting casting;
    private final Duration after;
    private final Clock clock;
    private Disposable timer;

    InterruptedBallots(ReactiveMongoTemplate mongo, DecisionStore decisions, BallotCasting casting,
                       @Value("${chorus.decisions.recover-after:30s}") Duration after, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.decisions = decisions;
        this.casting = casting;
        this.after = after;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        mongo.getCollection(BallotCasting.MARKS)
            .flatMap(marks -> Mono.from(marks.createIndex(Indexes.ascending(BallotCasting.PENDING_SINCE),
                new IndexOptions().sparse(true))))
            .block(Duration.ofSeconds(30));
        timer = Repeating.every(after, "Recovery of interrupted anonymous ballots", log,
            () -> recover(clock.instant().minus(after)));
    }

    /** Finishes or forgets every anonymous ballot whose casting started before {@code startedBefore}. */
    public Mono<Void> recover(Instant startedBefore) {
        Query pending = Query.query(Criteria.where(BallotCasting.PENDING_SINCE).lt(Date.from(startedBefore)));
        return mongo.find(pending, Document.class, BallotCasting.MARKS)
            .concatMap(mark -> finishOrForget(mark).onErrorResume(failure -> {
                log.warn("An interrupted ballot of decision {} could not be finished; trying again later", mark.getString("decisionId"), failure);
                return Mono.empty();
            }))
            .then();
    }

    private Mono<Void> finishOrForget(Document mark) {
        String markId = mark.getString("_id");
        String ballotId = mark.getString(BallotCasting.PENDING_BALLOT);
        return mongo.findById(ballotId, Document.class, BallotCasting.BALLOTS)
            .flatMap(ballot -> decisions.require(mark.getString("decisionId"))
                .flatMap(decision -> casting.finish(decision, markId, ballot)).thenReturn(true))
            .switchIfEmpty(Mono.defer(() -> mongo.remove(Query.query(Criteria.where("_id").is(markId)
                .and(BallotCasting.PENDING_BALLOT).is(ballotId)), BallotCasting.MARKS).thenReturn(false)))
            .then();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }
}
