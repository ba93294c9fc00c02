package app.chorus.notifications;

import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance dies after FCM accepted a batch and its outcome was stored, but before that batch's delivered receipts
 * reached the announcement's reach analytics. Another instance's sweep records them from the stored targets: the
 * accepted ones only, not a target still pending or one FCM refused (ADR 0099). A batch whose sender is still within
 * its lease is left to that sender.
 */
@NotificationsTest
class LeaderSeesDeliveriesASendersCrashInterruptedTests {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    TestClock.MovableClock clock;

    @Test
    void receiptsADeadSenderOwedAreRecordedForItsAcceptedTargetsOnly() {
        String announcementId = publishToOakfieldCarers();
        String fanOutId = "announcement:" + announcementId + ":v1";
        awaitFanOut(fanOutId);
        Instant deadSenderOwedAt = clock.instant().minus(Duration.ofMinutes(5));
        owingBatch(fanOutId, announcementId, "crash", deadSenderOwedAt);
        owingBatch(fanOutId, announcementId, "live", clock.instant());

        awaitReceipt(announcementId, "crash-carer-3");
        awaitMarkCleared(fanOutId + "#crash"); // the mark is cleared just after the receipts are written

        assertThat(delivered(announcementId, "crash-carer-0")).as("accepted before the crash").isTrue();
        assertThat(delivered(announcementId, "crash-carer-1")).as("still pending when the sender died").isFalse();
        assertThat(delivered(announcementId, "crash-carer-2")).as("FCM refused this one").isFalse();
        assertThat(batch(fanOutId + "#crash").containsKey("receiptsDue")).as("nothing owed any more").isFalse();
        assertThat(delivered(announcementId, "live-carer-0")).as("its sender is within its lease").isFalse();
        assertThat(batch(fanOutId + "#live").getBoolean("receiptsDue")).isTrue();
    }

    /** Batch {@code name}: four targets; FCM accepted 0 and 3, refused 2, and 1 was still to be retried. */
    private void owingBatch(String fanOutId, String announcementId, String name, Instant owedAt) {
        String batchId = fanOutId + "#" + name;
        List<Document> targets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            targets.add(new Document("p", name + "-carer-" + i).append("t", "fcm-" + name + "-carer-" + i + "-xxxxxxxx")
                .append("l", "en").append("pl", "ANDROID"));
        }
        insert("notification_batch_targets", new Document("_id", batchId).append("targets", targets));
        insert("notification_batches", new Document("_id", batchId).append("fanOutId", fanOutId).append("sourceId", announcementId)
            .append("channel", "push").append("status", "CANCELLED").append("size", 4).append("attempts", 1)
            .append("accepted", 2).append("failed", 1).append("remaining", List.of(1)).append("unaccepted", List.of(2))
            .append("notBefore", new Date()).append("receiptsDue", true).append("receiptsOwedAt", Date.from(owedAt)));
    }

    private String publishToOakfieldCarers() {
        String bearer = Tokens.bearer("head.oakfield");
        Map<String, Object> post = Map.of("schoolId", "sch-001", "priority", "NORMAL",
            "audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-001"), "roles", List.of("CARERS")),
            "translations", Map.of("en", Map.of("title", "Sports day " + System.nanoTime(), "body", "Bring a hat.")));
        String id = (String) web.post().uri("/api/v1/announcements").header("Authorization", bearer).bodyValue(post).exchange()
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        web.post().uri("/api/v1/announcements/" + id + "/submit").header("Authorization", bearer).exchange().expectStatus().isOk();
        return id;
    }

    private void awaitFanOut(String fanOutId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
            assertThat(mongo.findById(fanOutId, Document.class, "notification_fanouts").block()).as("fan-out " + fanOutId).isNotNull());
    }

    private void awaitReceipt(String announcementId, String personId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
            assertThat(delivered(announcementId, personId)).as("receipt of %s recorded by the sweep", personId).isTrue());
    }

    private void awaitMarkCleared(String batchId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
            .until(() -> !batch(batchId).containsKey("receiptsDue"));
    }

    private boolean delivered(String announcementId, String personId) {
        Document receipt = mongo.findById(announcementId + "|" + personId, Document.class, "announcement_receipts").block();
        return receipt != null && receipt.get("deliveredAt") != null;
    }

    private Document batch(String batchId) {
        return mongo.findById(batchId, Document.class, "notification_batches").block();
    }

    private void insert(String collection, Document document) {
        mongo.getCollection(collection).flatMap(c -> Mono.from(c.insertOne(document))).block();
    }
}
