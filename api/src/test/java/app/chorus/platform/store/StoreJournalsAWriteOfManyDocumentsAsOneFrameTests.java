package app.chorus.platform.store;

import static app.chorus.platform.store.StoreClient.await;
import static app.chorus.platform.store.StoreSurvivesKillTests.loopback;
import static app.chorus.platform.store.StoreSurvivesKillTests.newestJournal;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fan-out records delivered receipts a batch at a time: the store seals each such write of many documents into one
 * journal frame (ADR 0408), which comes back whole after a restart, or not at all when a crash cut it off.
 */
class StoreJournalsAWriteOfManyDocumentsAsOneFrameTests {

    @TempDir
    Path data;

    @Test
    void eachInsertManyUpdateManyAndDeleteManyIsOneFrameAndAllOfItIsThereAfterARestart() throws IOException {
        Map<Object, Document> expected = new LinkedHashMap<>();
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            MongoCollection<Document> receipts = client.collection("receipts");
            await(receipts.insertOne(receipt(0, 0)));
            expected.put(0, receipt(0, 0));
            long before = frames(newestJournal(data));

            await(receipts.insertMany(receiptsOf(1, 300, expected)));
            assertThat(frames(newestJournal(data))).isEqualTo(before + 1);

            await(receipts.updateMany(eq("school", 1), set("opened", true)));
            expected.values().stream().filter(receipt -> receipt.getInteger("school") == 1)
                .forEach(receipt -> receipt.append("opened", true));
            assertThat(frames(newestJournal(data))).isEqualTo(before + 2);

            await(receipts.deleteMany(eq("school", 2)));
            expected.values().removeIf(receipt -> receipt.getInteger("school") == 2);
            assertThat(frames(newestJournal(data))).isEqualTo(before + 3);

            // the fan-out's unordered insert where some people already had their receipt: the others are kept
            List<Document> again = new ArrayList<>(receiptsOf(301, 320, expected));
            again.add(receipt(4, 1));
            assertThatThrownBy(() -> await(receipts.insertMany(again, new InsertManyOptions().ordered(false))))
                .isInstanceOfSatisfying(MongoBulkWriteException.class, e -> assertThat(e.getWriteErrors()).hasSize(1));
            assertThat(frames(newestJournal(data))).isEqualTo(before + 4);
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("receipts")).containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    void anInsertManyCutOffByACrashIsDroppedWholeAndTheOneBeforeItKept() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("receipts").insertMany(receiptsOf(0, 50, new LinkedHashMap<>())));
            await(client.collection("receipts").insertMany(receiptsOf(50, 150, new LinkedHashMap<>())));
        }
        try (FileChannel channel = FileChannel.open(newestJournal(data), StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("receipts").keySet()).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
        }
    }

    private static List<Document> receiptsOf(int from, int to, Map<Object, Document> expected) {
        List<Document> receipts = new ArrayList<>();
        for (int i = from; i < to; i++) {
            receipts.add(receipt(i, i % 3));
            expected.put(i, receipt(i, i % 3));
        }
        return receipts;
    }

    private static Document receipt(int id, int school) {
        return new Document("_id", id).append("personId", "person-" + id).append("school", school)
            .append("channels", List.of("push"));
    }

    /** The frames of a journal, counted from their length headers (a last one cut off counts too). */
    private static long frames(Path journal) throws IOException {
        long frames = 0;
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ)) {
            ByteBuffer length = ByteBuffer.allocate(JournalFormat.FRAME_HEADER_BYTES);
            for (long at = JournalFormat.SEALED_JOURNAL_MAGIC.length; at < channel.size(); frames++) {
                channel.read(length.clear(), at);
                at += JournalFormat.FRAME_HEADER_BYTES + length.getInt(0);
            }
        }
        return frames;
    }
}
