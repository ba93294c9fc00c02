package app.chorus.platform.store;

import static app.chorus.platform.store.StoreClient.await;
import static app.chorus.platform.store.StoreSurvivesKillTests.loopback;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.chorus.platform.FieldKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone holds the store's data folder and its backups but not the deployment's secrets (issue 25): no file tells
 * them a pupil's name, an announcement or an anonymous answer, in any obvious encoding; with the key the store opens
 * the same folder and gives every document back, and with another key it refuses and changes nothing.
 */
class AttackerHoldingTheDataFolderAndItsBackupsWithoutTheKeyReadsNothingTests {

    private static final String PUPIL = "Oluwaseun Zakrzewska-Fairweather";
    private static final String ANNOUNCEMENT = "Nativity rehearsal moves to Quillfeather Hall on Thursday";
    private static final String ANSWER = "I feel unsafe near the bike sheds after school";
    private static final List<String> TEXTS = List.of(PUPIL, ANNOUNCEMENT, ANSWER, "Zakrzewska", "Quillfeather");

    @TempDir
    Path tmp;

    @Test
    void noFileOfTheDataFolderOrOfABackupHoldsWhatWasWrittenAndTheKeyOpensThemAll() throws IOException {
        Path data = tmp.resolve("store");
        Path backup = tmp.resolve("nightly.chorus-backup");
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false, 16 * 1024);
             StoreClient client = new StoreClient(store.address())) {
            writeWhatPupilsAndStaffWrote(client);
            await().atMost(Duration.ofMinutes(1)).until(() -> store.compactions() >= 1);
            await(client.collection("pupils").updateOne(eq("_id", "p1"), set("yearGroup", "Year 6")));
            StoreBackup.backup(data, TestStoreKey.CIPHER, backup);
        }

        assertThat(WhatTheFilesReveal.files(List.of(data))).as("a snapshot and a journal")
            .anyMatch(file -> file.getFileName().toString().startsWith("snapshot-"))
            .anyMatch(file -> file.getFileName().toString().startsWith("journal-"));
        assertThat(WhatTheFilesReveal.findings(List.of(data, backup), TEXTS)).isEmpty();

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("pupils").get("p1")).isEqualTo(pupil().append("yearGroup", "Year 6"));
            assertThat(client.all("announcements").get("a1").getString("body")).isEqualTo(ANNOUNCEMENT);
            assertThat(client.all("survey_responses").get("r1").getList("answers", String.class)).containsExactly(ANSWER);
        }
    }

    @Test
    void aFolderWrittenBeforeEncryptionGaveEverythingAwayAndIsRewrittenEncryptedAtTheNextStart() throws IOException {
        Path data = tmp.resolve("old");
        storeWhatPupilsAndStaffWrote(data);
        DataFolderInClear.rewriteUnencrypted(data, TestStoreKey.CIPHER);
        assertThat(WhatTheFilesReveal.findings(List.of(data), List.of(PUPIL, ANNOUNCEMENT, ANSWER)))
            .as("what the same search finds in an unencrypted folder").hasSize(3);

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("pupils").get("p1")).isEqualTo(pupil());
            assertThat(client.all("filler")).hasSize(300);
        }
        assertThat(WhatTheFilesReveal.findings(List.of(data), TEXTS)).isEmpty();
    }

    @Test
    void withAnotherKeyTheStoreRefusesToOpenTheFolderSaysWhatToDoAndChangesNothing() throws IOException {
        Path data = tmp.resolve("store");
        storeWhatPupilsAndStaffWrote(data);
        Map<String, byte[]> before = contents(data);

        StoreCipher another = StoreCipher.of(FieldKeys.fresh());
        assertThatThrownBy(() -> EmbeddedStore.start(data, another, loopback(), false).close())
            .hasMessageContaining("was encrypted with store key")
            .hasMessageContaining("CHORUS_STORE_KEYSET_FILE")
            .hasMessageContaining("nothing was changed");

        Map<String, byte[]> after = contents(data);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(Arrays.equals(after.get(name), bytes)).as(name).isTrue());
    }

    private static void storeWhatPupilsAndStaffWrote(Path data) {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            writeWhatPupilsAndStaffWrote(client);
        }
    }

    private static void writeWhatPupilsAndStaffWrote(StoreClient client) {
        await(client.collection("pupils").insertOne(pupil()));
        await(client.collection("announcements").insertOne(new Document("_id", "a1").append("body", ANNOUNCEMENT)));
        await(client.collection("survey_responses").insertOne(new Document("_id", "r1").append("answers", List.of(ANSWER))));
        await(client.collection("filler").insertMany(IntStream.range(0, 300)
            .mapToObj(i -> new Document("_id", i).append("padding", "x".repeat(100))).toList()));
    }

    private static Document pupil() {
        return new Document("_id", "p1").append("name", PUPIL).append("school", "oakfield");
    }

    private static Map<String, byte[]> contents(Path dir) {
        Map<String, byte[]> contents = new TreeMap<>();
        for (Path file : WhatTheFilesReveal.files(List.of(dir))) {
            if (!file.getFileName().toString().equals("LOCK")) {
                try {
                    contents.put(file.getFileName().toString(), Files.readAllBytes(file));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return contents;
    }
}
