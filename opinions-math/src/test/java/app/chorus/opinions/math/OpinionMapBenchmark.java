package app.chorus.opinions.math;

import app.chorus.testing.bench.Bench;
import app.chorus.testing.bench.Bench.Round;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./chorus bench opinion-map}: a trust-wide conversation with planted opinion groups. Measures the full
 * computation with the votes already in memory (time and the heap it adds at its peak), folding in 1,000 more votes,
 * and the adjusted Rand index of the groups found against the planted ones. The map read while votes arrive and the
 * load of the votes from the store need the api's opinions module and are not measured here. Progress on stderr, one JSON line last.
 */
public final class OpinionMapBenchmark {

    private static final Bench BENCH = new Bench("opinion-map");

    private OpinionMapBenchmark() {
    }

    public static void main(String[] args) {
        int participants = Bench.option(args, "--participants", 50_000);
        int statements = Bench.option(args, "--statements", 1_000);
        int groups = Bench.option(args, "--groups", 3);
        double share = 5_000_000.0 / (50_000.0 * 1_000.0) * Bench.option(args, "--votes-per-100-cells", 100) / 100.0;
        warmUp(participants / 10, statements, groups, share);
        PlantedConversation planted = new PlantedConversation(participants, statements, groups, share, 0.8, 42);
        progress("generating %,d participants x %,d statements in %d planted groups ...", participants, statements, groups);
        List<Vote> votes = planted.votes();
        progress("%,d votes in memory", votes.size());

        long baseline = settledHeap();
        resetPeaks();
        OpinionMapUpdater updater = new OpinionMapUpdater();
        long start = System.nanoTime();
        long cpu = cpuNanos();
        updater.fold(votes);
        OpinionMap map = updater.map();
        long fullMs = (System.nanoTime() - start) / 1_000_000;
        long fullCpuMs = (cpuNanos() - cpu) / 1_000_000;
        long heapMb = Math.max(0, peakHeap() - baseline) / (1024 * 1024);
        progress("full computation %,d ms (%,d ms of CPU), %,d MB above the resident votes, %d groups", fullMs, fullCpuMs,
                heapMb, map.groups().size());

        List<Vote> more = moreVotes(planted, updater, 1_000);
        start = System.nanoTime();
        cpu = cpuNanos();
        updater.fold(more);
        updater.map();
        long updateMs = (System.nanoTime() - start) / 1_000_000;
        long updateCpuMs = (cpuNanos() - cpu) / 1_000_000;
        progress("folded %,d more votes in %,d ms (%,d ms of CPU)", more.size(), updateMs, updateCpuMs);

        double ari = plantedAgreement(planted, updater.map().participants());
        BENCH.result(String.format(Locale.ROOT, "{\"bench\":\"opinion-map\",\"participants\":%d,\"statements\":%d,\"votes\":%d,"
                + "\"full_ms\":%d,\"full_cpu_ms\":%d,\"heap_mb\":%d,\"update_ms\":%d,\"update_cpu_ms\":%d,"
                + "\"ari_planted\":%.3f,\"groups\":%d}",
                participants, statements, votes.size(), fullMs, fullCpuMs, heapMb, updateMs, updateCpuMs, ari,
                map.groups().size()));
    }

    /** Runs the same code on a conversation a tenth the size until the JIT has compiled it (ADR 0091). */
    private static void warmUp(int participants, int statements, int groups, double share) {
        List<Vote> votes = new PlantedConversation(participants, statements, groups, share, 0.8, 1).votes();
        progress("warming up on %,d participants", participants);
        BENCH.warmUp(3, round -> {
            long start = System.nanoTime();
            OpinionMapUpdater updater = new OpinionMapUpdater();
            updater.fold(votes);
            updater.map();
            updater.fold(votes.subList(0, Math.min(1_000, votes.size())));
            updater.map();
            return new Round((System.nanoTime() - start) / 1e9);
        });
    }

    /** New votes by existing participants, on statements drawn at random (some replace earlier votes). */
    private static List<Vote> moreVotes(PlantedConversation planted, OpinionMapUpdater updater, int count) {
        SplittableRandom random = new SplittableRandom(99);
        List<Vote> more = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int p = random.nextInt(planted.participants());
            int s = random.nextInt(planted.statements());
            more.add(new Vote(PlantedConversation.participant(p), PlantedConversation.statement(s), random.nextInt(3) - 1));
        }
        return more;
    }

    private static double plantedAgreement(PlantedConversation planted, Map<String, Integer> placed) {
        List<Integer> ours = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int p = 0; p < planted.participants(); p++) {
            Integer group = placed.get(PlantedConversation.participant(p));
            if (group != null) {
                ours.add(group);
                truth.add(planted.groupOf(p));
            }
        }
        return AdjustedRandIndex.of(ours, truth);
    }

    /** The computation runs on this thread: its CPU time stays fair when the machine is shared. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long settledHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment since the reset. */
    private static long peakHeap() {
        return heapPools().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static void progress(String format, Object... values) {
        BENCH.progress(format, values);
    }
}
