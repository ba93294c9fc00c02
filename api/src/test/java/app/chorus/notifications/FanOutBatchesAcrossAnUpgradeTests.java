package app.chorus.notifications;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trust deploys a new api version in the middle of a big fan-out: batches older versions planned (targets
 * inside the batch, or apart as a list) are still sent, and new batches keep their targets apart so that claiming
 * and completing a batch rewrites only a small document (ADRs 0090, 0097).
 */
@NotificationsTest
class FanOutBatchesAcrossAnUpgradeTests {

    @Autowired
    FanOutFixture fixture;

    @Autowired
    Notifications notifications;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aBatchPlannedWithItsTargetsInsideIsStillSentOnce() {
        String fanOutId = oldFanOut("upgrade-" + UUID.randomUUID());
        List<Document> targets = oldTargets(fanOutId);
        insert("notification_batches", oldBatch(fanOutId, targets.size()).append("targets", targets));

        FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(30));

        assertThat(progress.accepted()).isEqualTo(2);
        targets.forEach(target -> assertThat(fixture.standIn().deliveries().received(target.getString("t"))).isEqualTo(1));
    }

    @Test
    void aBatchPlannedWithItsTargetsApartAsAListIsStillSentOnce() {
        String fanOutId = oldFanOut("upgrade-" + UUID.randomUUID());
        List<Document> targets = oldTargets(fanOutId);
        insert("notification_batch_targets", new Document("_id", fanOutId + "#0#0").append("targets", targets));
        insert("notification_batches", oldBatch(fanOutId, targets.size()));

        FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(30));

        assertThat(progress.accepted()).isEqualTo(2);
        targets.forEach(target -> assertThat(fixture.standIn().deliveries().received(target.getString("t"))).isEqualTo(1));
    }

    /** A fan-out whose planning the previous version finished (two members, one chunk). */
    private String oldFanOut(String sourceId) {
        String fanOutId = "survey:" + sourceId + ":v1";
        Document message = new Document("source", "survey").append("sourceId", sourceId).append("version", 1)
            .append("schoolId", null)
            .append("audience", new Document("scope", "TRUST").append("ids", List.of()).append("roles", List.of("CARERS")))
            .append("urgency", "URGENT").append("titles", new Document(Map.of("en", "Survey closes today")))
            .append("bodies", new Document(Map.of("en", "Last chance."))).append("defaultLanguage", "en");
        insert("notification_fanouts", new Document("_id", fanOutId).append("message", message).append("sourceId", sourceId)
            .append("state", "SENDING").append("plannedMembers", 2L).append("plannedChunks", 1L)
            .append("leaseUntil", new Date(0)).append("createdAt", new Date()));
        return fanOutId;
    }

    private static List<Document> oldTargets(String fanOutId) {
        return List.of("old-a", "old-b").stream().map(device -> new Document("p", "car-upgrade")
            .append("t", FanOutFixture.tokenOf(fanOutId.split(":")[1], device)).append("l", "en").append("pl", "ANDROID")).toList();
    }

    private static Document oldBatch(String fanOutId, int size) {
        return new Document("_id", fanOutId + "#0#0").append("fanOutId", fanOutId)
            .append("sourceId", fanOutId.split(":")[1]).append("channel", "push").append("status", "READY")
            .append("notBefore", Date.from(Instant.now().minusSeconds(1))).append("leaseUntil", new Date(0))
            .append("size", size).append("attempts", 0).append("accepted", 0).append("retired", 0).append("failed", 0);
    }

    @Test
    void batchDocumentsStaySmallWhileTheirTargetsAreSent() {
        List<String> tokens = new ArrayList<>();
        for (AudienceMember member : fixture.membersOf(Audience.trust(AudienceRole.CARERS))) {
            tokens.add(fixture.device(member.personId(), "upgrade-phone", Platform.IOS));
        }
        String fanOutId = fixture.publish(FanOutFixture.announcement(Audience.trust(AudienceRole.CARERS), Priority.URGENT, null));

        fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(60));

        List<Document> batches = Flux.from(mongo.getCollection("notification_batches")
            .flatMapMany(c -> c.find(new Document("fanOutId", fanOutId).append("channel", "push"), RawBsonDocument.class)))
            .map(raw -> new Document("_id", raw.getString("_id").getValue()).append("bytes", raw.getByteBuffer().remaining())
                .append("size", raw.getInt32("size").getValue()))
            .collectList().block();
        assertThat(batches).isNotEmpty();
        assertThat(batches).anySatisfy(batch -> assertThat(batch.getInteger("size")).isGreaterThanOrEqualTo(20));
        assertThat(batches).allSatisfy(batch -> assertThat(batch.getInteger("bytes")).as("bytes of %s", batch).isLessThan(1024));
        tokens.forEach(token -> assertThat(fixture.standIn().deliveries().received(token)).as(token).isEqualTo(1));
    }

    private void insert(String collection, Document document) {
        mongo.getCollection(collection).flatMap(c -> Mono.from(c.insertOne(document))).block(Duration.ofSeconds(10));
    }
}
