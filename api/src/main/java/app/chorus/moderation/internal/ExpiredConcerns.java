package app.chorus.moderation.internal;

import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.util.Date;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Items that raised a safeguarding concern, past the schedule's {@code safeguardingConcerns} period counted from when
 * it was raised, are deleted with their text and who acknowledged them. They are kept far longer than other moderation
 * records (see docs/data-protection.md for the default and its source).
 */
@Component
class ExpiredConcerns implements ExpiringData {

    private static final int BATCH = 200;
    private final ReactiveMongoTemplate mongo;

    ExpiredConcerns(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.SAFEGUARDING_CONCERNS;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        return ExpiringData.deleteInBatches(mongo, Query.query(Criteria.where("concern.raisedAt").lt(Date.from(expiredBefore))),
            ModerationItems.COLLECTION, BATCH);
    }
}
