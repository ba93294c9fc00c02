package app.chorus.announcements.internal;

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
 * Receipts past retention (who was sent, opened and acknowledged an announcement) are deleted in batches, oldest
 * delivery first. The reach counters were counted as the receipts came and stay.
 */
@Component
class ExpiredReceipts implements ExpiringData {

    private static final int BATCH = 500;
    private final ReactiveMongoTemplate mongo;

    ExpiredReceipts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.ANNOUNCEMENT_RECEIPTS;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        return ExpiringData.deleteInBatches(mongo, Query.query(Criteria.where("deliveredAt").lt(Date.from(expiredBefore))),
            BatchDeliveries.COLLECTION, BATCH);
    }
}
