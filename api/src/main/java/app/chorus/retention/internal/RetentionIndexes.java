package app.chorus.retention.internal;

import app.chorus.platform.StoreIndexes;
import app.chorus.platform.StoreIndexes.On;
import java.time.Duration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** Finished purge runs are kept two years (the audit keeps each run's record longer): a TTL index ({@link StoreIndexes}). */
@Component
class RetentionIndexes extends StoreIndexes {

    static final Duration RUNS_KEPT = Duration.ofDays(730);

    RetentionIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "retention", On.expiring(PurgeRuns.COLLECTION, PurgeRuns.FINISHED, RUNS_KEPT));
    }
}
