package app.chorus.decisions.internal;

import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ballots past retention, one counted decision at a time: its ballots, marks and confidential voters are deleted, then
 * the decision is marked {@code ballotsPurgedAt}. The count stored at close and the live tallies stay, so the results
 * read the same; only the ballot export is empty afterwards.
 */
@Component
class ExpiredBallots implements ExpiringData {

    static final String PURGED_AT = "ballotsPurgedAt";
    private final ReactiveMongoTemplate mongo;

    ExpiredBallots(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.DECISION_BALLOTS;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        Query counted = Query.query(Criteria.where("closedAt").lt(Date.from(expiredBefore)).and("result").exists(true)
            .and(PURGED_AT).exists(false));
        counted.fields().include("_id");
        return mongo.find(counted, Document.class, Decision.COLLECTION)
            .concatMap(decision -> purgeDecision(decision.getString("_id")));
    }

    private Mono<Long> purgeDecision(String decisionId) {
        Query ofDecision = Query.query(Criteria.where("decisionId").is(decisionId));
        return mongo.remove(ofDecision, BallotCasting.BALLOTS).map(result -> result.getDeletedCount())
            .flatMap(ballots -> mongo.remove(ofDecision, BallotCasting.MARKS)
                .then(mongo.remove(ofDecision, BallotCasting.VOTERS))
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(decisionId)),
                    new Update().set(PURGED_AT, new Date()), Decision.COLLECTION))
                .thenReturn(ballots));
    }
}
