package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Idempotency claims older than a week and purge runs finished over two years ago are declared as TTL indexes, as a
 * real MongoDB expires them; on the embedded store, which never does, the sweep deletes exactly those and keeps the
 * rest (recent claims, recent and unfinished runs).
 */
@ApiTest
class StaleRequestsAndPurgeRunsExpireTests {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ExpiredDocuments expired;

    @Test
    void theSweepDeletesWhatATtlIndexWouldAndNothingElse() {
        String tag = UUID.randomUUID().toString();
        Instant now = Instant.now();
        insert("consultation_requests", "old-" + tag, "at", now.minus(Duration.ofDays(8)));
        insert("consultation_requests", "new-" + tag, "at", now.minus(Duration.ofDays(6)));
        insert("retention_runs", "old-" + tag, "finishedAt", now.minus(Duration.ofDays(800)));
        insert("retention_runs", "new-" + tag, "finishedAt", now.minus(Duration.ofDays(30)));
        mongo.insert(new Document("_id", "running-" + tag).append("startedAt", Date.from(now.minus(Duration.ofDays(900)))),
            "retention_runs").block();

        try {
            assertThat(expired.sweep().block(Duration.ofMinutes(1))).isGreaterThanOrEqualTo(2);

            assertThat(exists("consultation_requests", "old-" + tag)).isFalse();
            assertThat(exists("consultation_requests", "new-" + tag)).isTrue();
            assertThat(exists("retention_runs", "old-" + tag)).isFalse();
            assertThat(exists("retention_runs", "new-" + tag)).isTrue();
            assertThat(exists("retention_runs", "running-" + tag)).as("an unfinished run").isTrue();
        } finally {
            // runs are the purge's: other tests of this context purge after this one
            mongo.remove(Query.query(Criteria.where("_id").in("running-" + tag, "new-" + tag)), "retention_runs").block();
        }
        assertThat(mongo.indexOps("consultation_requests").getIndexInfo().collectList().block())
            .anySatisfy(index -> assertThat(index.getExpireAfter()).hasValue(Duration.ofDays(7)));
    }

    private void insert(String collection, String id, String field, Instant at) {
        mongo.insert(new Document("_id", id).append(field, Date.from(at)), collection).block();
    }

    private boolean exists(String collection, String id) {
        return mongo.findById(id, Document.class, collection).block() != null;
    }
}
