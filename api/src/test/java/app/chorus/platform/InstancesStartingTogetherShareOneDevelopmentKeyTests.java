package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.store.StoreCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./chorus up --replicas 3} on a fresh install starts three apis at once, and each makes the development keys
 * when it finds none: every one must start, and all must use the same keys (a participation mark made by one is
 * found by the others).
 */
class InstancesStartingTogetherShareOneDevelopmentKeyTests {

    private static final int INSTANCES = 8;

    @TempDir
    Path secrets;

    @RepeatedTest(5)
    void everyInstanceStartsWithTheSameKeysAndKeysets() throws Exception {
        Path dir = secrets.resolve("fresh-" + System.nanoTime());
        CyclicBarrier together = new CyclicBarrier(INSTANCES);
        List<Callable<String>> starts = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            starts.add(() -> {
                together.await();
                String key = new String(DeploymentSecrets.master(null, false, dir));
                StoreCipher.load(null, dir, secrets.resolve("data"), true);
                return key + "|" + FieldKeys.load(null, false, dir) + "|" + Files.readString(dir.resolve("store-keyset.json"));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        Set<String> seen = new HashSet<>();
        try {
            for (Future<String> start : pool.invokeAll(starts)) {
                seen.add(start.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(1);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hmac.key", "field-keyset.json", "store-keyset.json");
    }
}
