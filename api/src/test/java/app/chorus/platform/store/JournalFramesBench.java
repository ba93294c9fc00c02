package app.chorus.platform.store;

import app.chorus.testing.bench.Bench;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.bson.Document;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark driver for {@code ./chorus bench journal-frames} (ADR 0408): the store's CPU per document of a fan-out
 * batch's delivered receipts inserted as one journal frame ({@code insertDocuments}, what an {@code insertMany} runs)
 * against one frame per document ({@code addDocument} each, as before), and the journal's share alone, interleaved
 * round by round in one JVM and measured as this thread's CPU time, so other load on the machine falls on both alike.
 */
public final class JournalFramesBench {

    private static final Bench BENCH = new Bench("journal-frames");
    private static final int WARM_UP_ROUNDS = 6;
    private static long nextId;

    public static void main(String[] args) throws Exception {
        int rounds = Bench.option(args, "--rounds", 16);
        int perBatch = Bench.option(args, "--batch", 300);
        int batches = 50;
        Path dir = Files.createTempDirectory("chorus-journal-frames");
        JournaledBackend backend = JournaledBackend.open(dir.resolve("store"), TestStoreKey.CIPHER, false, Long.MAX_VALUE);
        MongoDatabase database = backend.resolveDatabase("chorus");
        MongoCollection<?> oneFrame = database.createCollectionOrThrowIfExists("one_frame");
        MongoCollection<?> frameEach = database.createCollectionOrThrowIfExists("frame_each");
        Files.createDirectories(dir.resolve("journal"));
        Journal journal = new Journal(new StoreFiles(dir.resolve("journal"), TestStoreKey.CIPHER), TestStoreKey.CIPHER,
            false, Long.MAX_VALUE, () -> { });
        journal.start(1);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] sums = new double[4];
        for (int round = 0; round < rounds; round++) {
            double[] perDocument = new double[4];
            for (int variant = 0; variant < 4; variant++) {
                List<List<Document>> receipts = receipts(batches, perBatch);
                long cpu = threads.getCurrentThreadCpuTime();
                for (List<Document> batch : receipts) {
                    switch (variant) {
                        case 0 -> oneFrame.insertDocuments(batch, false);
                        case 1 -> batch.forEach(frameEach::addDocument);
                        case 2 -> {
                            Journal.Batch records = journal.batch("chorus", "journal_only");
                            batch.forEach(records::put);
                            records.write();
                        }
                        default -> batch.forEach(receipt -> journal.put("chorus", "journal_only", receipt));
                    }
                }
                perDocument[variant] = (threads.getCurrentThreadCpuTime() - cpu) / 1000.0 / (batches * perBatch);
            }
            BENCH.progress("round %d: insert %.2f (one frame) / %.2f (frame each); journal alone %.2f / %.2f CPU-us per "
                + "document%s", round, perDocument[0], perDocument[1], perDocument[2], perDocument[3],
                round < WARM_UP_ROUNDS ? " (warm-up)" : "");
            if (round >= WARM_UP_ROUNDS) {
                for (int variant = 0; variant < 4; variant++) {
                    sums[variant] += perDocument[variant] / (rounds - WARM_UP_ROUNDS);
                }
            }
        }
        journal.close();
        backend.close();
        Bench.deleteQuietly(dir);
        BENCH.result(String.format(Locale.ROOT, "{\"bench\": \"journal-frames\", \"batch\": %d, \"rounds_measured\": %d, "
                + "\"insert_one_frame_cpu_us_per_doc\": %.2f, \"insert_frame_each_cpu_us_per_doc\": %.2f, "
                + "\"journal_one_frame_cpu_us_per_doc\": %.2f, \"journal_frame_each_cpu_us_per_doc\": %.2f, "
                + "\"machine\": \"load average %.1f\"}", perBatch, rounds - WARM_UP_ROUNDS, sums[0], sums[1], sums[2],
            sums[3], Bench.loadAverage()));
    }

    private static List<List<Document>> receipts(int batches, int perBatch) {
        List<List<Document>> receipts = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            List<Document> batch = new ArrayList<>(perBatch);
            for (int i = 0; i < perBatch; i++, nextId++) {
                batch.add(new Document("_id", "announcement-0123456789|person-" + nextId)
                    .append("announcementId", "announcement-0123456789").append("personId", "person-" + nextId)
                    .append("deliveredAt", Instant.now()).append("channels", List.of("push")));
            }
            receipts.add(batch);
        }
        return receipts;
    }
}
