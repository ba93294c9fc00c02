package app.chorus.platform.store;

import app.chorus.testing.bench.Bench;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bson.Document;
import reactor.core.publisher.Flux;

/**
 * Benchmark driver for {@code ./chorus bench store}: insert throughput through the real reactive driver into
 * the journaled store (with and without fsync) against the plain memory backend measured in the same run,
 * then the time to recover the journaled store's documents on restart.
 */
public final class StoreBench {

    private static final Bench BENCH = new Bench("store");

    public static void main(String[] args) throws Exception {
        int documents = Bench.option(args, "--docs", 100_000);
        int batch = 1_000;
        Path dir = Files.createTempDirectory("chorus-store-bench");
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);

        warmUp(dir.resolve("warm-up"), loopback, batch);
        // alternate the two backends and keep each one's best round, so JIT warm-up and other load on the
        // machine do not favour whichever runs first
        double memoryRate = 0;
        double memoryOneByOneRate = 0;
        double journaledRate = 0;
        double oneByOneRate = 0;
        Path data = null;
        for (int round = 1; round <= 2; round++) {
            MongoServer memory = new MongoServer(new MemoryBackend());
            memory.bind("127.0.0.1", 0);
            InetSocketAddress reference = memory.getLocalAddress();
            memoryRate = Math.max(memoryRate, insertRate("memory backend (reference)", reference, documents, batch));
            memoryOneByOneRate = Math.max(memoryOneByOneRate, insertOneRate("memory backend (reference)", reference, 2_000));
            memory.shutdownNow();
            data = dir.resolve("journaled-" + round);
            try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback, false)) {
                journaledRate = Math.max(journaledRate, insertRate("journaled store", store.address(), documents,
                    batch));
                oneByOneRate = Math.max(oneByOneRate, insertOneRate("journaled store", store.address(), 2_000));
            }
        }
        double fsyncRate;
        try (EmbeddedStore store = EmbeddedStore.start(dir.resolve("fsync"), TestStoreKey.CIPHER, loopback, true)) {
            fsyncRate = insertRate("journaled store, fsync", store.address(), documents / 5, batch);
        }

        long started = System.nanoTime();
        long recoveredMillis;
        double scanMillis;
        double indexedMillis;
        long indexBuildMillis;
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, loopback, false)) {
            recoveredMillis = (System.nanoTime() - started) / 1_000_000;
            try (StoreClient client = new StoreClient(store.address())) {
                MongoCollection<Document> bench = client.collection("bench");
                long count = StoreClient.await(bench.countDocuments());
                if (count != documents) {
                    throw new IllegalStateException("recovered " + count + " documents, expected " + documents);
                }
                scanMillis = medianQueryMillis("without an index (scan)", bench);
                long building = System.nanoTime();
                StoreClient.await(bench.createIndex(Indexes.ascending("announcement")));
                indexBuildMillis = (System.nanoTime() - building) / 1_000_000;
                indexedMillis = medianQueryMillis("with a secondary index", bench);
            }
        }
        Bench.deleteQuietly(dir);
        BENCH.result(String.format(Locale.ROOT, "{\"bench\": \"store\", \"documents\": %d, \"batch\": %d, "
                + "\"journaled_insert_many_docs_per_s\": %.0f, \"memory_insert_many_docs_per_s\": %.0f, "
                + "\"journaled_to_memory_ratio\": %.2f, \"fsync_insert_many_docs_per_s\": %.0f, "
                + "\"journaled_insert_one_per_s\": %.0f, \"memory_insert_one_per_s\": %.0f, \"recovery_ms\": %d, "
                + "\"query_scan_ms\": %.2f, \"query_indexed_ms\": %.2f, \"index_build_ms\": %d, \"unit\": \"documents/s, ms\", "
                + "\"machine\": \"%d cores, %s, load average %.1f\"}",
            documents, batch, journaledRate, memoryRate, journaledRate / memoryRate, fsyncRate, oneByOneRate,
            memoryOneByOneRate,
            recoveredMillis, scanMillis, indexedMillis, indexBuildMillis, Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), Bench.loadAverage()));
    }

    /** One announcement's receipts (1 in 200 documents) by field, median of 31 queries. */
    private static double medianQueryMillis(String label, MongoCollection<Document> bench) {
        double median = Bench.percentile(Bench.timed(31, i ->
            Flux.from(bench.find(Filters.eq("announcement", "ann-" + (i * 7 % 200)))).count().block()), 50);
        BENCH.progress("query by field %s: median %.2f ms", label, median);
        return median;
    }

    private static void warmUp(Path dir, InetSocketAddress loopback, int batch) {
        try (EmbeddedStore store = EmbeddedStore.start(dir, TestStoreKey.CIPHER, loopback, false)) {
            insertRate("warm-up", store.address(), 20_000, batch);
        }
    }

    private static double insertRate(String label, InetSocketAddress address, int documents, int batch) {
        try (StoreClient client = new StoreClient(address)) {
            MongoCollection<Document> collection = client.collection("bench");
            long started = System.nanoTime();
            for (int from = 0; from < documents; from += batch) {
                List<Document> page = new ArrayList<>(batch);
                for (int i = from; i < Math.min(documents, from + batch); i++) {
                    page.add(receipt(i));
                }
                StoreClient.await(collection.insertMany(page));
                if (from % (batch * 20) == 0) {
                    BENCH.progress("%s: %d/%d", label, from, documents);
                }
            }
            double rate = documents / ((System.nanoTime() - started) / 1e9);
            BENCH.progress("%s: %.0f documents/s", label, rate);
            return rate;
        }
    }

    private static double insertOneRate(String label, InetSocketAddress address, int documents) {
        try (StoreClient client = new StoreClient(address)) {
            MongoCollection<Document> collection = client.collection("one_by_one");
            long started = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                StoreClient.await(collection.insertOne(receipt(i)));
            }
            double rate = documents / ((System.nanoTime() - started) / 1e9);
            BENCH.progress("%s, insertOne one by one: %.0f documents/s", label, rate);
            return rate;
        }
    }

    private static Document receipt(int i) {
        return new Document("school", i % 50).append("carer", String.format("car-%06d", i))
            .append("announcement", "ann-" + (i % 200)).append("read", false).append("at", Instant.now());
    }
}
