package app.chorus.notifications.bench;

import app.chorus.notifications.internal.push.FcmClients;
import app.chorus.testing.bench.Bench.Round;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The reference of {@code ./chorus bench fanout}: the Firebase SDK with its default thread pool, {@code sendEach} in
 * 500s, one call after another, against the same stand-in. It runs in a JVM of its own (ADR 0097), so that neither
 * side's JIT profile is shaped by the other's code and each JVM's CPU is its own.
 */
public final class RawSdkLoop {

    private RawSdkLoop() {
    }

    /** A measured loop: messages per second and CPU-ms per message of its JVM. */
    record Result(double seconds, double perSecond, double cpuMsPerPush) {

        Round round() {
            return new Round(seconds, perSecond);
        }
    }

    /** Runs the loop in a new JVM (warmed up first for at most {@code warmUpSeconds}, 0: not) and returns what it measured. */
    static Result inOwnJvm(String standIn, int count, int warmUpSeconds) throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
            RawSdkLoop.class.getName(), standIn, String.valueOf(count), String.valueOf(warmUpSeconds))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("The raw SDK loop's JVM failed (exit " + process.exitValue() + "): see above");
        }
        String[] figures = last.split(" ");
        return new Result(0, Double.parseDouble(figures[0]), Double.parseDouble(figures[1]));
    }

    public static void main(String[] args) throws Exception {
        String standIn = args[0];
        int count = Integer.parseInt(args[1]);
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add("bench-raw-" + String.format("%06d", i) + "-xxxxxxxxxxxxxxxx");
        }
        int warmUpSeconds = Integer.parseInt(args[2]);
        if (warmUpSeconds > 0) {
            FanOutBench.BENCH.progress("warming up its own JVM until the rate settles (not measured)");
            untilSettled(warmUpSeconds, () -> loop(standIn, tokens.subList(0, Math.min(count, 20_000))).round());
        }
        Result result = loop(standIn, tokens);
        System.out.println(result.perSecond() + " " + result.cpuMsPerPush());
        System.exit(0);
    }

    @SuppressWarnings("deprecation")
    private static Result loop(String standIn, List<String> tokens) throws Exception {
        FanOutBench.post(standIn + "/reset", "{}");
        FirebaseApp app = FcmClients.standIn(standIn, "chorus-local", null, 200, Duration.ofSeconds(5), Duration.ofSeconds(10));
        FirebaseMessaging messaging = FcmClients.messaging(app);
        String collapse = "raw-" + UUID.randomUUID();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> threadsBefore = ThreadCpu.byGroup();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int from = 0; from < tokens.size(); from += 500) {
            List<Message> messages = new ArrayList<>();
            for (String token : tokens.subList(from, Math.min(tokens.size(), from + 500))) {
                messages.add(Message.builder().setToken(token)
                    .setNotification(Notification.builder().setTitle("Raw").setBody("Raw SDK loop").build())
                    .setAndroidConfig(AndroidConfig.builder().setCollapseKey(collapse).build()).build());
            }
            messaging.sendEach(messages);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        String groups = ThreadCpu.since(threadsBefore, (long) (cpuMs * 1e6), tokens.size());
        app.delete();
        FanOutBench.BENCH.progress("  raw SDK loop: %d messages in %.1f s = %.0f/s (cpu %.1f s)", tokens.size(), seconds,
            tokens.size() / seconds, cpuMs / 1000);
        FanOutBench.BENCH.progress("  raw SDK loop cpu by thread group: %s", groups);
        return new Result(seconds, tokens.size() / seconds, cpuMs / tokens.size());
    }

    /**
     * Warm-up rounds (Bench's: until the rate is within 5% of the round before and the JIT compiled for under 5% of
     * the round, at least 3 rounds) for at most {@code seconds}. On 2 cores the JIT needs minutes of load to bring a big
     * application's hot paths to its top tier: methods wait at a lower tier while its queue is long.
     */
    static int untilSettled(int seconds, Callable<Round> round) {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        return FanOutBench.BENCH.warmUp(Integer.MAX_VALUE, 0.05, n -> {
            if (n > 1 && System.nanoTime() >= until) {
                return null;
            }
            try {
                return round.call();
            } catch (Exception e) {
                throw new IllegalStateException("A warm-up round failed", e);
            }
        });
    }
}
