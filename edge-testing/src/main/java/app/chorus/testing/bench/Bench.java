package app.chorus.testing.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * What every {@code ./chorus bench NAME} shares, in the api, the gateway and opinions-math: options, progress on
 * stderr, a warm-up that runs until the JIT has settled, timed loops (percentiles, CPU per call) and the one JSON line
 * that ends stdout. Plain JDK, so that any module's tests can use it.
 */
public final class Bench {

    private final String name;

    public Bench(String name) {
        this.name = name;
    }

    public void progress(String message) {
        System.err.println("[bench " + name + "] " + message);
    }

    public void progress(String format, Object... values) {
        progress(String.format(Locale.ROOT, format, values));
    }

    /** Prints the result: the last line of stdout, one JSON object. */
    public void result(String json) {
        System.out.flush();
        System.out.println(json);
    }

    /** One warm-up round: how long it ran, the throughput of each thing it loads (none: only the JIT decides). */
    public record Round(double seconds, double... rates) {
    }

    /**
     * Rounds until each rate is within 5% of its previous round and the JIT compiled for less than a tenth of the
     * round (at least 3 rounds, at most {@code maxRounds}; a round function answering null ends it early). On 2 cores the
     * JIT needs tens of seconds of load: a fixed short warm-up measures a half-compiled server. Answers the rounds run.
     */
    public int warmUp(int maxRounds, IntFunction<Round> round) {
        return warmUp(maxRounds, 0.1, round);
    }

    /** As {@link #warmUp(int, IntFunction)}, the JIT compiling for less than {@code jitShare} of a round. */
    public int warmUp(int maxRounds, double jitShare, IntFunction<Round> round) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        double[] last = null;
        for (int n = 1; n <= maxRounds; n++) {
            long compiled = jit.getTotalCompilationTime();
            Round ran = round.apply(n);
            if (ran == null) {
                return n - 1;
            }
            long compiling = jit.getTotalCompilationTime() - compiled;
            progress("  warm-up round %d: %s per s, JIT compiled for %d ms", n,
                Arrays.toString(Arrays.stream(ran.rates()).mapToLong(Math::round).toArray()), compiling);
            if (n >= 3 && settled(last, ran.rates()) && compiling < ran.seconds() * 1000 * jitShare) {
                return n;
            }
            last = ran.rates();
        }
        progress("  still moving after " + maxRounds + " warm-up rounds: measuring anyway");
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
            samples[i] = timedMs(call);
            cpu += processCpuNanos() - cpu0;
        }
        Arrays.sort(samples);
        return new Latency(percentile(samples, 50), percentile(samples, 99), cpu / 1e6 / timed);
    }

    /** {@code runs} calls one after another (each told its number); answers their times in ms, sorted. */
    public static double[] timed(int runs, IntConsumer call) {
        double[] samples = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.accept(i);
            samples[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(samples);
        return samples;
    }

    /** The median of {@code runs} timed calls, in ms. */
    public static double medianMs(int runs, Runnable call) {
        return percentile(timed(runs, i -> call.run()), 50);
    }

    /** Calls back to back for {@code seconds}; answers their times in ms, sorted. */
    public static double[] timedFor(double seconds, Runnable call) {
        ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            samples.add(timedMs(call));
        }
        return sorted(samples);
    }

    /**
     * Times a call again and again on a thread of its own, {@code pauseMs} apart, while other load runs: {@link
     * Sampler#stop()} ends it (after at least {@code atLeast} samples) and answers the times in ms, sorted.
     */
    public static Sampler sampleWhile(Runnable call, long pauseMs, int atLeast) {
        return new Sampler(call, pauseMs, atLeast);
    }

    public static final class Sampler {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Double> samples = new ConcurrentLinkedQueue<>();
        private final Thread thread;

        private Sampler(Runnable call, long pauseMs, int atLeast) {
            thread = new Thread(() -> {
                while (running.get() || samples.size() < atLeast) {
                    samples.add(timedMs(call));
                    sleep(pauseMs);
                }
            }, "bench-sampler");
            thread.start();
        }

        public double[] stop() {
            running.set(false);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sorted(samples);
        }
    }

    private static double timedMs(Runnable call) {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    public static double[] sorted(Collection<Double> samples) {
        return samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** The {@code p}th percentile (nearest rank) of sorted samples; 0 when there are none. */
    public static double percentile(double[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    public static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    public static String option(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    public static long ms(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1_000_000;
    }

    /** CPU time of the whole process (all threads, including an embedded store): what the work costs. */
    public static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
            ? os.getProcessCpuTime() : 0;
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** A benchmark's pacing (never a test's wait). */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
