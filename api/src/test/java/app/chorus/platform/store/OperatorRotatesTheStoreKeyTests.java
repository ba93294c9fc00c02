package app.chorus.platform.store;

import static app.chorus.platform.store.StoreClient.await;
import static app.chorus.platform.store.StoreSurvivesKillTests.loopback;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.FieldKeys;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator rotates the store keyset with {@code ./chorus keys add}, {@code promote} and, after one start under
 * the new key, {@code retire}: the store opens at every step and keeps every document, and once the old key is retired
 * nothing in the data folder needs it.
 */
class OperatorRotatesTheStoreKeyTests {

    @TempDir
    Path data;

    @Test
    void aStartUnderThePromotedKeyRewritesTheFolderSoTheOldKeyCanBeRetired() {
        String first = FieldKeys.fresh();
        try (EmbeddedStore store = EmbeddedStore.start(data, StoreCipher.of(first), loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("announcements").insertOne(new Document("_id", "a1").append("title", "Sports day")));
        }

        String promoted = FieldKeys.promoted(FieldKeys.added(first));
        try (EmbeddedStore store = EmbeddedStore.start(data, StoreCipher.of(promoted), loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("announcements").insertOne(new Document("_id", "a2").append("title", "Trip")));
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, StoreCipher.of(FieldKeys.retired(promoted)), loopback(),
            false); StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("announcements")).containsOnlyKeys("a1", "a2");
        }
    }
}
