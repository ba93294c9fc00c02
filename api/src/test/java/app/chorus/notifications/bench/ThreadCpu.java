package app.chorus.notifications.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where a run's CPU went, by thread group (names with their numbers dropped), from Linux's per-thread counters so that
 * the JVM's own threads (GC, JIT compilers, the VM thread) are seen too: the SDK's senders, the store's server
 * threads, the driver's event loops, the workers. Threads that ended during the run are counted as "ended".
 */
final class ThreadCpu {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final double NANOS_PER_TICK = 1e9 / 100;

    private ThreadCpu() {
    }

    static Map<String, Long> byGroup() {
        Map<String, Long> groups = new HashMap<>();
        if (!Files.isDirectory(TASKS)) {
            return groups;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    groups.merge(name.replaceAll("\\d+", "N"), (long) (ticks * NANOS_PER_TICK), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while being read
                }
            });
        } catch (IOException e) {
            return groups;
        }
        return groups;
    }

    /** Bytes each live Java thread group has allocated so far (thread names with their numbers dropped). */
    static Map<String, Long> allocatedByGroup() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        Map<String, Long> groups = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null && bytes[i] > 0) {
                groups.merge(infos[i].getThreadName().replaceAll("\\d+", "N"), bytes[i], Long::sum);
            }
        }
        return groups;
    }

    /** KB allocated per push by group since {@code before}, largest first (threads that ended are not counted). */
    static String allocatedSince(Map<String, Long> before, int pushes) {
        Map<String, Long> delta = since(before, allocatedByGroup());
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        return largestFirst(delta, total / 100, 1024.0 * pushes,
            String.format("{total %.1f, ", total / 1024.0 / pushes), "} KB per push");
    }

    /** CPU-ms per 1,000 pushes by group since {@code before}, largest first; the process's rest is "ended". */
    static String since(Map<String, Long> before, long processNanos, int pushes) {
        if (before.isEmpty()) {
            return "{unavailable: no /proc/self/task}";
        }
        Map<String, Long> delta = since(before, byGroup());
        delta.put("ended", processNanos - delta.values().stream().mapToLong(Long::longValue).sum());
        return largestFirst(delta, processNanos / 200, 1e3 * pushes, "{", "} CPU-ms per 1,000 pushes");
    }

    private static Map<String, Long> since(Map<String, Long> before, Map<String, Long> now) {
        Map<String, Long> delta = new HashMap<>();
        now.forEach((group, value) -> delta.put(group, value - before.getOrDefault(group, 0L)));
        return delta;
    }

    private static String largestFirst(Map<String, Long> values, long atLeast, double divisor, String prefix, String suffix) {
        return values.entrySet().stream().filter(e -> e.getValue() > atLeast)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / divisor))
            .collect(Collectors.joining(", ", prefix, suffix));
    }
}
