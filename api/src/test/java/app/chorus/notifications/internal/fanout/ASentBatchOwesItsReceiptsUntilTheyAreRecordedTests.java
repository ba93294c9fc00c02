package app.chorus.notifications.internal.fanout;

import app.chorus.notifications.NotificationsTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcome of a send and the receipts it owes are stored in one update (ADR 0099): a batch stays marked until
 * the receipts of its latest send are recorded, so a retry's receipts are not forgotten when the first send's
 * recording finishes late, and the targets FCM refused are kept apart.
 */
@NotificationsTest
class ASentBatchOwesItsReceiptsUntilTheyAreRecordedTests {

    /** Ahead of now: the running api's own receipts sweep (owed longer than a lease) must not record them first. */
    private static final Instant FIRST_SEND = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    private static final Instant RETRY = FIRST_SEND.plusSeconds(2);

    @Autowired
    Batches batches;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void aRetriedBatchOwesTheRetrysReceiptsAfterTheFirstSendsAreRecorded() {
        String id = "owes-" + UUID.randomUUID();
        mongo.getCollection(Batches.COLLECTION).flatMap(c -> Mono.from(c.insertOne(new Document("_id", id)
            .append("status", Batches.SENDING).append("owner", "claim-1").append("attempts", 0)))).block();

        assertThat(batches.record(id, "claim-1", "instance-a", List.of(4), RETRY,
            new Batches.Tally(2, 1, 0, 0, List.of(3), FIRST_SEND)).block()).isTrue();
        assertThat(stored(id).getBoolean("receiptsDue")).isTrue();
        assertThat(stored(id).getDate("receiptsOwedAt")).isEqualTo(Date.from(FIRST_SEND));

        claimAgain(id, "claim-2");
        batches.record(id, "claim-2", "instance-a", List.of(), RETRY, new Batches.Tally(0, 0, 1, 0, List.of(4), RETRY)).block();
        batches.receiptsRecorded(id, FIRST_SEND).block();
        assertThat(stored(id).getBoolean("receiptsDue")).as("the retry's receipts are still owed").isTrue();
        assertThat(stored(id).getList(Batches.UNACCEPTED, Integer.class)).containsExactly(3, 4);
        assertThat(batches.owingReceipts(RETRY.plusSeconds(1), 100_000).map(batch -> batch.getString("_id")).collectList().block())
            .contains(id);

        batches.receiptsRecorded(id, RETRY).block();
        assertThat(stored(id)).doesNotContainKeys("receiptsDue", "receiptsOwedAt");
        assertThat(batches.owingReceipts(RETRY.plusSeconds(1), 100_000).map(batch -> batch.getString("_id")).collectList().block())
            .doesNotContain(id);
    }

    @Test
    void aSendNobodyWasReachedByOwesNothing() {
        String id = "owes-nothing-" + UUID.randomUUID();
        mongo.getCollection(Batches.COLLECTION).flatMap(c -> Mono.from(c.insertOne(new Document("_id", id)
            .append("status", Batches.SENDING).append("owner", "claim-1").append("attempts", 0)))).block();

        batches.record(id, "claim-1", "instance-a", List.of(), FIRST_SEND, new Batches.Tally(0, 2, 0, 0, List.of(0, 1), null)).block();

        assertThat(stored(id)).doesNotContainKeys("receiptsDue", "receiptsOwedAt");
        assertThat(stored(id).getString("status")).isEqualTo(Batches.DONE);
    }

    private void claimAgain(String id, String owner) {
        mongo.getCollection(Batches.COLLECTION).flatMap(c -> Mono.from(c.updateOne(new Document("_id", id),
            new Document("$set", new Document("status", Batches.SENDING).append("owner", owner))))).block();
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, Batches.COLLECTION).block();
    }
}
