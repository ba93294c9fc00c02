package app.chorus.platform.store;

import static app.chorus.platform.store.StoreClient.await;
import static app.chorus.platform.store.StoreSurvivesKillTests.loopback;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.platform.FieldKeys;
import com.mongodb.reactivestreams.client.gridfs.GridFSBucket;
import com.mongodb.reactivestreams.client.gridfs.GridFSBuckets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The backups of the embedded store that docs/operations.md describes restore into a fresh store with every document
 * and every GridFS attachment as it was, even after the original folder is lost: {@code ./chorus backup FILE} (an
 * encrypted archive, taken while the store runs) with {@code ./chorus restore FILE}, and a copy of the stopped store's
 * (encrypted) data folder. A restore with another key, or into a folder holding data, is refused and writes nothing.
 */
class OperatorRestoresABackupIntoAFreshStoreTests {

    @TempDir
    Path data;

    @TempDir
    Path backup;

    @Test
    void documentsAndAttachmentsComeBackFromTheCopiedDataFolder() throws IOException {
        byte[] plan = plan();
        ObjectId attachment;
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("announcements").insertMany(List.of(
                new Document("_id", "a1").append("title", "Sports day moved to Friday"),
                new Document("_id", "a2").append("title", "Parents' evening"))));
            attachment = Mono.from(bucket(client).uploadFromPublisher("plan.pdf", Flux.just(ByteBuffer.wrap(plan)))).block();
        }

        copyWithoutLock(data, backup);
        deleteAll(data);

        try (EmbeddedStore restored = EmbeddedStore.start(backup, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(restored.address())) {
            assertThat(client.all("announcements")).containsExactly(
                Map.entry("a1", new Document("_id", "a1").append("title", "Sports day moved to Friday")),
                Map.entry("a2", new Document("_id", "a2").append("title", "Parents' evening")));
            assertThat(download(client, attachment)).as("the attachment, byte for byte").isEqualTo(plan);
        }
    }

    @Test
    void aBackupTakenWhileTheStoreRunsRestoresIntoAnEmptyFolderAsItWasThen() throws IOException {
        Path archive = backup.resolve("chorus.backup");
        byte[] plan = plan();
        ObjectId attachment;
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("announcements").insertOne(new Document("_id", "a1").append("title", "Sports day")));
            attachment = Mono.from(bucket(client).uploadFromPublisher("plan.pdf", Flux.just(ByteBuffer.wrap(plan)))).block();
            StoreBackup.Summary taken = StoreBackup.backup(data, TestStoreKey.CIPHER, archive);
            assertThat(taken.documents()).as("the announcement, the file and its 3 chunks of 255 kB").isEqualTo(5);
            await(client.collection("announcements").insertOne(new Document("_id", "a2").append("title", "After the backup")));
        }
        deleteAll(data);

        Path fresh = backup.resolve("fresh");
        StoreBackup.restore(archive, TestStoreKey.CIPHER, fresh);

        try (EmbeddedStore restored = EmbeddedStore.start(fresh, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(restored.address())) {
            assertThat(client.all("announcements")).containsExactly(
                Map.entry("a1", new Document("_id", "a1").append("title", "Sports day")));
            assertThat(download(client, attachment)).as("the attachment, byte for byte").isEqualTo(plan);
        }
    }

    @Test
    void aBackupRestoredWithAnotherKeyIsRefusedWithWhatToDoAndNothingIsWritten() throws IOException {
        Path archive = backupOfOneAnnouncement();
        Path fresh = backup.resolve("fresh");

        assertThatThrownBy(() -> StoreBackup.restore(archive, StoreCipher.of(FieldKeys.fresh()), fresh))
            .hasMessageContaining("was encrypted with store key")
            .hasMessageContaining("Set CHORUS_STORE_KEYSET_FILE to the keyset this data was written with");
        try (Stream<Path> files = Files.list(fresh)) {
            assertThat(files.map(file -> file.getFileName().toString())).doesNotContain("snapshot-0000000000000001.bin")
                .allMatch(name -> name.equals("LOCK"));
        }
    }

    @Test
    void aDamagedBackupOrAFolderThatHoldsDataIsRefused() throws IOException {
        Path archive = backupOfOneAnnouncement();

        assertThatThrownBy(() -> StoreBackup.restore(archive, TestStoreKey.CIPHER, data))
            .hasMessageContaining("already holds store data").hasMessageContaining("move that folder aside");

        byte[] bytes = Files.readAllBytes(archive);
        bytes[bytes.length - 3] ^= 1;
        Path damaged = backup.resolve("damaged.backup");
        Files.write(damaged, bytes);
        assertThatThrownBy(() -> StoreBackup.restore(damaged, TestStoreKey.CIPHER, backup.resolve("fresh")))
            .hasMessageContaining("incomplete or damaged").hasMessageContaining("use another backup");
    }

    /** A store holding one announcement, stopped, and its backup. */
    private Path backupOfOneAnnouncement() throws IOException {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            await(client.collection("announcements").insertOne(new Document("_id", "a1").append("title", "Sports day")));
        }
        Path archive = backup.resolve("chorus.backup");
        StoreBackup.backup(data, TestStoreKey.CIPHER, archive);
        return archive;
    }

    private static byte[] plan() {
        byte[] plan = new byte[700 * 1024];
        for (int i = 0; i < plan.length; i++) {
            plan[i] = (byte) (i * 31);
        }
        return plan;
    }

    private static byte[] download(StoreClient client, ObjectId attachment) {
        return Flux.from(bucket(client).downloadToPublisher(attachment))
            .reduce(new ByteArrayOutputStream(), (out, buffer) -> {
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                out.writeBytes(bytes);
                return out;
            })
            .map(ByteArrayOutputStream::toByteArray).block();
    }

    private static GridFSBucket bucket(StoreClient client) {
        return GridFSBuckets.create(client.database("chorus"));
    }

    private static void copyWithoutLock(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("LOCK")).toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
