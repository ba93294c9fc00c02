package app.chorus.notifications.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
        Map<String, Long> delta = new HashMap<>();
        allocatedByGroup().forEach((group, bytes) -> delta.put(group, bytes - before.getOrDefault(group, 0L)));
        long total = delta.values().stream().mapToLong(Long::longValue).sum();
        return delta.entrySet().stream().filter(e -> e.getValue() > total / 100)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1024.0 / pushes))
            .collect(Collectors.joining(", ", String.format("{total %.1f, ", total / 1024.0 / pushes), "} KB per push"));
    }

    /** CPU-ms per 1,000 pushes by group since {@code before}, largest first; the process's rest is "ended". */
    static String since(Map<String, Long> before, long processNanos, int pushes) {
        if (before.isEmpty()) {
            return "{unavailable: no /proc/self/task}";
        }
        Map<String, Long> delta = new HashMap<>();
        byGroup().forEach((group, nanos) -> delta.put(group, nanos - before.getOrDefault(group, 0L)));
        long threads = delta.values().stream().mapToLong(Long::longValue).sum();
        delta.put("ended", processNanos - threads);
        Map<String, Long> sorted = delta.entrySet().stream().filter(e -> e.getValue() > processNanos / 200)
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return sorted.entrySet().stream()
            .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / 1e3 / pushes))
            .collect(Collectors.joining(", ", "{", "} CPU-ms per 1,000 pushes"));
    }
}
