package app.chorus.retention;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A purge run that stopped half way (its instance died after purging devices) is resumed by the next request: the
 * kinds it finished are not purged or counted again, the rest are, and a run another instance holds is left alone.
 */
@ApiTest
class AnInterruptedPurgeResumesWithoutRepeatingTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theNextPurgeFinishesTheInterruptedRunWithoutRedoingItsFinishedKinds() {
        String run = "interrupted-" + UUID.randomUUID();
        String person = "resume-" + UUID.randomUUID();
        String announcement = "resume-" + UUID.randomUUID();
        Instant now = Instant.now();
        Date longAgo = Date.from(now.minus(800, ChronoUnit.DAYS));
        mongo.insert(new Document("_id", person).append("devices", List.of(new Document("installationId", "i-" + person)
            .append("token", "t-" + person).append("platform", "ANDROID").append("lastSeen", longAgo))),
            "notification_recipients").block();
        for (int n = 0; n < 3; n++) {
            mongo.insert(new Document("_id", announcement + "|p" + n).append("announcementId", announcement)
                .append("personId", "p" + n).append("deliveredAt", longAgo), "announcement_receipts").block();
        }
        Date cutoff = Date.from(now.minus(1, ChronoUnit.DAYS));
        mongo.insert(new Document("_id", run).append("startedAt", Date.from(Instant.parse("2001-01-01T00:00:00Z")))
            .append("expiredBefore", new Document("devices", cutoff).append("announcementReceipts", cutoff))
            .append("done", List.of("devices")).append("purged", new Document("devices", 4L))
            .append("heldUntil", Date.from(now.plus(1, ChronoUnit.HOURS))), "retention_runs").block();

        purge().expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith("application/problem+json");
        assertThat(receiptsOf(announcement)).isEqualTo(3);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(run)),
            Update.update("heldUntil", Date.from(now.minus(1, ChronoUnit.MINUTES))), "retention_runs").block();
        purge().expectStatus().isOk().expectBody()
            .jsonPath("$.id").isEqualTo(run)
            .jsonPath("$.purged.devices").isEqualTo(4)
            .jsonPath("$.purged.announcementReceipts").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(3));
        assertThat(receiptsOf(announcement)).isZero();
        assertThat(devicesOf(person)).isEqualTo(1);
        web.get().uri("/api/v1/audit?kind=retention-purged&limit=50").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.items[?(@.reason =~ /.*devices=4.*/)]").isNotEmpty();

        purge().expectStatus().isOk().expectBody().jsonPath("$.id").value(id -> assertThat(id).isNotEqualTo(run));
        assertThat(devicesOf(person)).isZero();
    }

    private WebTestClient.ResponseSpec purge() {
        return web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange();
    }

    private long receiptsOf(String announcement) {
        return mongo.count(Query.query(Criteria.where("announcementId").is(announcement)), "announcement_receipts").block();
    }

    private int devicesOf(String person) {
        return mongo.findById(person, Document.class, "notification_recipients").block().getList("devices", Document.class).size();
    }
}
