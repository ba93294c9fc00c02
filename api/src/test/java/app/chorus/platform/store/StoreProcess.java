package app.chorus.platform.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link StoreMain} in a child JVM, so a test can SIGKILL it. */
public final class StoreProcess implements AutoCloseable {

    private final Process process;
    private final InetSocketAddress address;

    private StoreProcess(Process process, int port) {
        this.process = process;
        this.address = new InetSocketAddress("127.0.0.1", port);
    }

    public static StoreProcess start(Path dataDir) throws Exception {
        return start(dataDir, 0);
    }

    /** On a given port (0: any free one), so that a store started again is where its clients look for it. */
    public static StoreProcess start(Path dataDir, int port) throws Exception {
        return start(dataDir, port, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    }

    /** With these JVM options (a benchmark's store holding millions of documents needs more than a test's heap). */
    public static StoreProcess start(Path dataDir, int port, String... jvmOptions) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
            StoreMain.class.getName(), "--data", dataDir.toString(), "--port", String.valueOf(port),
            "--keyset", TestStoreKey.file().toString()));
        Process process = new ProcessBuilder(command)
            .redirectErrorStream(true)
            .start();
        StringBuilder output = new StringBuilder();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> readOutput(process, output, ready), "store-process-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new StoreProcess(process, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("The store process did not start:\n" + output, e);
        }
    }

    private static void readOutput(Process process, StringBuilder output, CompletableFuture<Integer> ready) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                if (line.startsWith("READY ")) {
                    ready.complete(Integer.parseInt(line.substring(6).trim()));
                }
            }
        } catch (IOException e) {
            // the process was killed
        }
        ready.completeExceptionally(new IllegalStateException("store process exited"));
    }

    public InetSocketAddress address() {
        return address;
    }

    /** SIGKILL: no shutdown hook, no flush, nothing but what is already in the operating system survives. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
