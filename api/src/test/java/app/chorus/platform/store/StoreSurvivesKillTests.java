package app.chorus.platform.store;

import static org.awaitility.Awaitility.await;
import static app.chorus.platform.store.StoreClient.await;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.inc;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.platform.replicas.Child;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The store process is killed with SIGKILL right after writes were acknowledged; a restart finds them all. */
class StoreSurvivesKillTests {

    private static final int CARERS = 2_000;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedInsertUpdateAndDeleteSurvivesKillMinusNine() throws Exception {
        Map<Object, Document> expected = new LinkedHashMap<>();
        Set<Integer> burstAcknowledged = ConcurrentHashMap.newKeySet();
        try (Child store = Child.store(tmp, 0, Child.SMALL_STORE); StoreClient client = new StoreClient(store.address())) {
            writeOneByOne(client.collection("carers"), expected);
            Disposable burst = insertConcurrently(client.collection("burst"), burstAcknowledged);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(1)).until(() -> burstAcknowledged.size() >= 300);
            store.kill();
            // replies already on the wire still count as acknowledged: wait until no more arrive
            AtomicInteger seen = new AtomicInteger(-1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> seen.getAndSet(burstAcknowledged.size()) == burstAcknowledged.size());
            burst.dispose();
        }
        Set<Integer> acknowledged = new HashSet<>(burstAcknowledged);

        try (Child store = Child.store(tmp, 0, Child.SMALL_STORE); StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("carers")).containsExactlyEntriesOf(expected);
            Set<Object> burstSurvivors = client.all("burst").keySet();
            assertThat(burstSurvivors).containsAll(acknowledged);
            assertThat(burstSurvivors).allMatch(id -> (Integer) id >= 0 && (Integer) id < 20_000);
            assertThatThrownBy(() -> await(client.collection("carers")
                .insertOne(new Document("_id", -1).append("email", "carer1@example.org"))))
                .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
        }
    }

    private static void writeOneByOne(MongoCollection<Document> carers, Map<Object, Document> expected) {
        await(carers.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true)));
        for (int i = 0; i < CARERS; i++) {
            Document carer = new Document("_id", i).append("email", "carer" + i + "@example.org").append("school", i % 7);
            await(carers.insertOne(carer));
            expected.put(i, carer);
        }
        for (int i = 0; i < CARERS; i += 5) {
            long modified = await(carers.updateOne(eq("_id", i), combine(set("read", true), inc("reads", 1))))
                .getModifiedCount();
            assertThat(modified).isEqualTo(1);
            expected.get(i).append("read", true).append("reads", 1);
        }
        for (int i = 3; i < CARERS; i += 10) {
            assertThat(await(carers.deleteOne(eq("_id", i))).getDeletedCount()).isEqualTo(1);
            expected.remove(i);
        }
    }

    /** Keeps 16 inserts in flight until the store dies; records which ones were acknowledged. */
    private static Disposable insertConcurrently(MongoCollection<Document> burst, Set<Integer> acknowledged) {
        return Flux.range(0, 20_000)
            .flatMap(i -> Mono.from(burst.insertOne(new Document("_id", i).append("payload", "x".repeat(100))))
                .doOnSuccess(result -> acknowledged.add(i))
                .onErrorResume(e -> Mono.empty()), 16)
            .subscribe();
    }

    @Test
    void aRecordCutOffByACrashIsDroppedAndEverythingBeforeItIsKept() throws Exception {
        Path data = tmp.resolve("torn");
        Path journal = journalOfAHundredNotices(data);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 5);
        }

        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            assertThat(client.all("notices").keySet()).containsExactlyElementsOf(
                IntStream.range(0, 99).boxed().toList());
            await(client.collection("notices").insertOne(new Document("_id", 99).append("again", true)));
        }
        assertThat(noticesAfterRestart(data)).hasSize(100).containsEntry(99, new Document("_id", 99).append("again", true));
    }

    @Test
    void aDamagedRecordInsideTheJournalIsReportedAndTheFileKeptForInspection() throws Exception {
        Path data = tmp.resolve("damaged");
        Path journal = journalOfAHundredNotices(data);
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long record = JournalFormat.SEALED_JOURNAL_MAGIC.length;
            ByteBuffer length = ByteBuffer.allocate(4);
            for (int i = 0; i < 52; i++) {
                channel.read(length.clear(), record);
                record += JournalFormat.FRAME_HEADER_BYTES + length.getInt(0);
            }
            long insidePayload = record + JournalFormat.FRAME_HEADER_BYTES + 20;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, insidePayload);
            channel.write(one.put(0, (byte) ~one.get(0)).rewind(), insidePayload);
        }

        assertThat(noticesAfterRestart(data).keySet()).hasSizeBetween(40, 60)
            .containsAll(IntStream.range(0, 40).boxed().toList());
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.map(file -> file.getFileName().toString())).anyMatch(name -> name.contains(".damaged-"));
        }
    }

    private static Path journalOfAHundredNotices(Path data) throws IOException {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            IntStream.range(0, 100).forEach(i -> await(client.collection("notices").insertOne(new Document("_id", i))));
        }
        return newestJournal(data);
    }

    private static Map<Object, Document> noticesAfterRestart(Path data) {
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback(), false);
             StoreClient client = new StoreClient(store.address())) {
            return client.all("notices");
        }
    }

    static InetSocketAddress loopback() {
        return new InetSocketAddress("127.0.0.1", 0);
    }

    static Path newestJournal(Path data) throws IOException {
        try (Stream<Path> files = Files.list(data)) {
            List<Path> journals = files.filter(file -> file.getFileName().toString().matches("journal-\\d+\\.log"))
                .sorted().toList();
            return journals.get(journals.size() - 1);
        }
    }
}
