package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.ExpiredDocuments;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * The response-goal alerts leave one claim per survey, school and day: a claim made four days ago is deleted by the
 * store's expiry sweep (as a real MongoDB's TTL index would), one made yesterday stays, so the collection does not
 * grow for ever and yesterday's alert is still known to be sent.
 */
@ApiTest
class GoalAlertClaimsAreForgottenAfterThreeDaysTests {

    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    ExpiredDocuments expired;

    @Test
    void aClaimOlderThanThreeDaysIsDeletedAndYesterdaysStays() {
        String survey = "sv-" + UUID.randomUUID();
        Instant now = Instant.now();
        claim(survey + ".sch-001.four-days-ago", now.minus(Duration.ofDays(4)));
        claim(survey + ".sch-001.yesterday", now.minus(Duration.ofDays(1)));

        expired.sweep().block(Duration.ofMinutes(1));

        assertThat(exists(survey + ".sch-001.four-days-ago")).isFalse();
        assertThat(exists(survey + ".sch-001.yesterday")).isTrue();
        assertThat(mongo.indexOps(GoalAlerts.COLLECTION).getIndexInfo().collectList().block())
            .anySatisfy(index -> assertThat(index.getExpireAfter()).hasValue(GoalAlerts.CLAIMS_KEPT));
    }

    private void claim(String id, Instant claimedAt) {
        mongo.insert(new Document("_id", id).append("sentAt", Date.from(claimedAt))
            .append(GoalAlerts.CLAIMED_AT, Date.from(claimedAt)), GoalAlerts.COLLECTION).block();
    }

    private boolean exists(String id) {
        return mongo.findById(id, Document.class, GoalAlerts.COLLECTION).block() != null;
    }
}
