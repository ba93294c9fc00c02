package app.chorus.platform.replicas;

import app.chorus.platform.store.StoreMain;
import app.chorus.platform.store.TestStoreKey;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One process of a benchmark or a test (store, api instance, gateway): its output to a log, its CPU time, SIGKILL. */
public final class Child implements AutoCloseable {

    /** JVM options for a test's store: a small heap, quick to start. */
    public static final List<String> SMALL_STORE = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** Linux's clock ticks in {@code /proc/<pid>/task/<tid>/stat} (USER_HZ, 100 on every Linux we run on). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final String name;
    private final Process process;
    private final PrintWriter input;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Set<String> unkeyedInFlight = ConcurrentHashMap.newKeySet();
    private final Thread reader;
    private final Path log;
    private int port;

    private Child(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.reader = new Thread(() -> pump(log), name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * The store ({@link StoreMain}) as its own process with these JVM options on {@code port} (0: a free one, see
     * {@link #port}), its data in {@code work/store} encrypted with the test run's keyset ({@link TestStoreKey}) and its
     * log in {@code work}; started when it accepts connections.
     */
    public static Child store(Path work, int port, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), StoreMain.class.getName(),
            "--data", work.resolve("store").toString(), "--port", String.valueOf(port),
            "--keyset", TestStoreKey.file().toString()));
        Child store = start("store", command, work);
        try {
            store.port = Integer.parseInt(store.await("READY", Duration.ofMinutes(2)).split(" ")[1]);
        } catch (RuntimeException | InterruptedException e) {
            store.kill();
            throw e;
        }
        return store;
    }

    /** The java launcher of this JVM. */
    static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    static Child start(String name, List<String> command, Path logs) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // a benchmark stopped with Ctrl-C leaves no store, api or gateway behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new Child(name, process, logs.resolve(name + ".log"));
    }

    /** The port a {@link #store} listens on. */
    public int port() {
        return port;
    }

    /** The loopback address a {@link #store} listens on. */
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    String name() {
        return name;
    }

    /** Waits for an output line starting with {@code prefix}; the line. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line == null && !process.isAlive()) {
                throw new IllegalStateException(name + " stopped: see its log " + log);
            }
        }
        throw new IllegalStateException(name + " did not print '" + prefix + "' in " + timeout.toSeconds() + " s");
    }

    /** Sends a {@link ReplicaApi} command and returns its result. */
    String command(String command, Duration timeout) throws InterruptedException {
        input.println(command);
        String done = await("DONE " + command.split(" ")[0], timeout);
        String result = done.substring(done.indexOf(' ', 5) + 1);
        if (result.startsWith("failed")) {
            throw new IllegalStateException(name + ": " + command + " " + result);
        }
        return result;
    }

    /** CPU time the process has used so far. */
    public long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /**
     * CPU time the process's JIT compiler threads have used so far (Linux's per-thread counters; 0 elsewhere). Compiler
     * threads that ended are not counted, so this can only understate the JIT.
     */
    long jitCpuNanos() {
        Path tasks = Path.of("/proc", String.valueOf(process.pid()), "task");
        long nanos = 0;
        try (var threads = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) threads::iterator) {
                nanos += compilerCpuNanos(task);
            }
        } catch (IOException | UncheckedIOException processEnded) {
            // what was read before it ended
        }
        return nanos;
    }

    private static long compilerCpuNanos(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException threadEnded) {
            return 0;
        }
    }

    /** The unkeyed survey answers in flight in a traced {@link ReplicaApi} ({@link UnkeyedAnswers}), by unit. */
    Set<String> unkeyedInFlight() {
        return Set.copyOf(unkeyedInFlight);
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: nothing runs in the process after this; what it printed before is read to the end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
        reader.join(10_000);
    }

    /** SIGTERM, 30 s to stop, then SIGKILL (a no-op for a process that has stopped). */
    @Override
    public void close() {
        process.destroy();
        process.onExit().completeOnTimeout(process, 30, TimeUnit.SECONDS).join();
        process.destroyForcibly();
    }

    private void pump(Path log) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer file = Files.newBufferedWriter(log)) {
            String line;
            while ((line = output.readLine()) != null) {
                file.write(line + "\n");
                file.flush();
                if (line.startsWith("UNKEYED-START ")) {
                    unkeyedInFlight.add(line.substring(14));
                } else if (line.startsWith("UNKEYED-END ")) {
                    unkeyedInFlight.remove(line.substring(12));
                } else if (line.startsWith("DONE ") || line.startsWith("READY") || line.startsWith("REPLICA-API")) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
