package app.chorus.platform.store;

import static app.chorus.platform.store.StoreClient.await;
import static app.chorus.platform.store.StoreSurvivesKillTests.loopback;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

/** A store stopped and started again on the same data folder has exactly what it had. */
class StoreRestartsTests {

    @TempDir
    Path data;

    @Test
    void documentsIndexesAndDroppedCollectionsAreAsTheyWereAfterARestart() {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            MongoCollection<Document> schools = client.collection("schools");
            await(schools.createIndex(Indexes.ascending("urn"), new IndexOptions().unique(true)));
            await(schools.insertMany(List.of(school(1, "Oakfield Primary"), school(2, "Riverside Academy"),
                school(3, "Hillcrest"))));
            await(schools.updateOne(eq("_id", 1), set("name", "Oakfield Primary School")));
            await(schools.deleteOne(eq("_id", 3)));
            await(client.collection("drafts").insertOne(new Document("_id", "d1")));
            await(client.collection("drafts").drop());
            await(client.collection("imports").insertOne(new Document("_id", "old")));
            await(client.collection("imports").drop());
            await(client.collection("imports").insertOne(new Document("_id", "new")));
            await(client.database("scratch").getCollection("rows").insertOne(new Document("_id", 1)));
            await(client.database("scratch").drop());
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("schools")).containsExactly(
                Map.entry(1, school(1, "Oakfield Primary School")), Map.entry(2, school(2, "Riverside Academy")));
            assertThat(client.collectionNames()).contains("schools").doesNotContain("drafts");
            assertThat(client.all("drafts")).isEmpty();
            assertThat(client.all("imports")).containsOnlyKeys("new");
            assertThat(await(client.database("scratch").getCollection("rows").countDocuments())).isZero();
            List<String> indexes = Flux.from(client.collection("schools").listIndexes())
                .map(index -> index.getString("name")).collectList().block();
            assertThat(indexes).contains("_id_", "urn_1");
            assertThatThrownBy(() -> await(client.collection("schools").insertOne(school(4, "Oakfield again").append("urn", 100001))))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
    }

    @Test
    void aSecondStoreOnTheSameDataFolderIsRefusedWithAClearMessage() {
        try (EmbeddedStore first = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false)) {
            assertThatThrownBy(() -> EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is already in use by")
                .hasMessageContaining(data.toAbsolutePath().toString())
                .hasMessageContaining("MONGODB_URI");
        }
        EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false).close();
    }

    @Test
    void renamingACollectionIsRefusedRatherThanSilentlyLost() {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("drafts").insertOne(new Document("_id", 1)));
            assertThatThrownBy(() -> await(client.collection("drafts").renameCollection(new MongoNamespace("chorus", "final"))))
                .isInstanceOf(MongoCommandException.class)
                .hasMessageContaining("renameCollection is not supported");
        }
    }

    @Test
    void aStoreThatCompactedItsJournalWhileWritingRestoresEveryDocument() throws Exception {
        Map<Object, Document> expected = new LinkedHashMap<>();
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), true, 32 * 1024);
             StoreClient client = new StoreClient(store.address())) {
            MongoCollection<Document> receipts = client.collection("receipts");
            for (int batch = 0; batch < 20; batch++) {
                List<Document> documents = new ArrayList<>();
                for (int i = batch * 200; i < (batch + 1) * 200; i++) {
                    Document receipt = new Document("_id", i).append("carer", "car-" + i).append("text", "x".repeat(50));
                    documents.add(receipt);
                    expected.put(i, receipt);
                }
                await(receipts.insertMany(documents));
                await(receipts.updateMany(eq("carer", "car-" + batch * 200), inc("opened", 1)));
                expected.get(batch * 200).append("opened", 1);
                await(receipts.deleteOne(eq("_id", batch * 200 + 1)));
                expected.remove(batch * 200 + 1);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(store.compactions()).isPositive());
        }
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.matches("(snapshot|journal)-.*")))
                .hasSize(2);
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("receipts")).containsExactlyEntriesOf(expected);
        }
    }

    private static Document school(int id, String name) {
        return new Document("_id", id).append("name", name).append("urn", 100_000 + id);
    }
}
