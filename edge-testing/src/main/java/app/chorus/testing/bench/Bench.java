package app.chorus.testing.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * What every {@code ./chorus bench NAME} shares: options, progress on stderr, a warm-up that runs until the JIT has
 * settled, timed loops (p50, p99, CPU per call) and the one JSON line that ends stdout.
 */
public final class Bench {

    private final String name;

    public Bench(String name) {
        this.name = name;
    }

    public void progress(String message) {
        System.err.println("[bench " + name + "] " + message);
    }

    /** Prints the result: the last line of stdout, one JSON object. */
    public void result(String json) {
        System.out.flush();
        System.out.println(json);
    }

    /** One warm-up round: how long it ran, the throughput of each thing it loads (requests or responses per second). */
    public record Round(double seconds, double... rates) {
    }

    /**
     * Rounds until each rate is within 5% of its previous round and the JIT compiled for less than a tenth of the
     * round (at least 3 rounds, at most {@code maxRounds}; a round function answering null ends it early). On 2 cores the
     * JIT needs tens of seconds of load: a fixed short warm-up measures a half-compiled server. Answers the rounds run.
     */
    public int warmUp(int maxRounds, IntFunction<Round> round) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        double[] last = null;
        for (int n = 1; n <= maxRounds; n++) {
            long compiled = jit.getTotalCompilationTime();
            Round ran = round.apply(n);
            if (ran == null) {
                return n - 1;
            }
            long compiling = jit.getTotalCompilationTime() - compiled;
            progress(String.format(Locale.ROOT, "  warm-up round %d: %s per s, JIT compiled for %d ms", n,
                Arrays.toString(Arrays.stream(ran.rates()).mapToLong(Math::round).toArray()), compiling));
            if (n >= 3 && settled(last, ran.rates()) && compiling < ran.seconds() * 100) {
                return n;
            }
            last = ran.rates();
        }
        progress("  throughput still moving after " + maxRounds + " rounds: measuring anyway");
        return maxRounds;
    }

    private static boolean settled(double[] previous, double[] current) {
        if (previous == null) {
            return false;
        }
        for (int i = 0; i < current.length; i++) {
            if (previous[i] <= 0 || Math.abs(current[i] - previous[i]) / previous[i] >= 0.05) {
                return false;
            }
        }
        return true;
    }

    /** Latency of a call: median, 99th percentile and CPU of the whole process per call, in milliseconds. */
    public record Latency(double p50, double p99, double cpuMs) {
    }

    /**
     * {@code untimed} calls, then {@code timed} ones, each after {@code beforeEach} (untimed: for instance a write that
     * makes the next read miss a cache).
     */
    public static Latency latency(int untimed, int timed, Runnable beforeEach, Runnable call) {
        for (int i = 0; i < untimed; i++) {
            call.run();
        }
        double[] samples = new double[timed];
        long cpu = 0;
        for (int i = 0; i < timed; i++) {
            beforeEach.run();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            call.run();
            samples[i] = (System.nanoTime() - t0) / 1e6;
            cpu += processCpuNanos() - cpu0;
        }
        Arrays.sort(samples);
        return new Latency(samples[timed / 2], samples[(int) Math.ceil(timed * 0.99) - 1], cpu / 1e6 / timed);
    }

    public static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    public static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    /** CPU time of the whole process (all threads, including an embedded store): what the work costs. */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    public static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
