package app.chorus.decisions.internal;

import app.chorus.platform.StoreIndexes;
import app.chorus.platform.StoreIndexes.On;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes the decisions queries need: a decision's live cells on every results read, its ballots at close and export ({@link StoreIndexes}). */
@Component
class DecisionIndexes extends StoreIndexes {

    DecisionIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "decision",
            new On(LiveTallies.COLLECTION, "decisionId"),
            new On(BallotCasting.BALLOTS, "decisionId", "_id"),
            new On(BallotCasting.VOTERS, "decisionId"),
            new On(Decision.COLLECTION, "consultationId"),
            new On(Decision.COLLECTION, "status"),
            new On(Decision.COLLECTION, "createdAt", "_id"),
            new On(Decision.COLLECTION, "schoolId", "createdAt"),
            new On(Decision.COLLECTION, "createdBy", "createdAt"));
    }
}
