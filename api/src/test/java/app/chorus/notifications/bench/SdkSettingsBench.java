package app.chorus.notifications.bench;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.Urgency;
import app.chorus.notifications.internal.push.FcmClients;
import app.chorus.notifications.internal.push.PushMessages;
import app.chorus.testing.bench.Bench;
import com.google.firebase.FirebaseApp;
import com.google.firebase.messaging.AndroidConfig;
import com.google.firebase.messaging.BatchResponse;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.Notification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./chorus bench fanout-sdk}: the Firebase SDK's CPU per push with the raw loop's settings and with each of the
 * product's, in one JVM, rounds interleaved so that the machine's load falls on every variant alike: the product's
 * message (data map, Android or APNs settings), the product's send pool ({@code AdaptiveSendPool}, 32 to 625 threads,
 * 625 connections) instead of the SDK's default, and three {@code sendEach} calls at once (three fan-out workers). It
 * answers whether the product configures the SDK dearer than the raw loop of {@code ./chorus bench fanout} does.
 */
public final class SdkSettingsBench {

    private static final Bench BENCH = new Bench("fanout-sdk");
    private static final PushMessage STORM = new PushMessage("announcement", "bench-announcement", 1, null,
        Audience.trust(AudienceRole.CARERS), Urgency.URGENT,
        Map.of("en", "Storm: all schools closed", "pl", "Burza: szkoły zamknięte"),
        Map.of("en", "All schools are closed tomorrow.", "pl", "Jutro wszystkie szkoły są zamknięte."), "en");

    /** What a variant changes from the raw loop. */
    private record Variant(String name, boolean productMessage, boolean productPool, int calls) {
    }

    private static final List<Variant> VARIANTS = List.of(
        new Variant("raw", false, false, 1),
        new Variant("product_message", true, false, 1),
        new Variant("product_pool", false, true, 1),
        new Variant("product_message_and_pool", true, true, 1),
        new Variant("product_all_three_calls", true, true, 3));

    private SdkSettingsBench() {
    }

    public static void main(String[] args) throws Exception {
        String standIn = Bench.option(args, "--stand-in", "http://127.0.0.1:9099");
        int messages = Bench.option(args, "--messages", 10_000);
        int rounds = Bench.option(args, "--rounds", 8);
        Map<String, FirebaseMessaging> clients = new LinkedHashMap<>();
        for (Variant variant : VARIANTS) {
            FirebaseApp app = FcmClients.standIn(standIn, "chorus-local",
                variant.productPool() ? new FcmClients.SendThreads(32, 625, 600_000) : null,
                variant.productPool() ? 625 : 200, Duration.ofSeconds(5), Duration.ofSeconds(10));
            clients.put(variant.name(), FcmClients.messaging(app));
        }
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Variant variant : VARIANTS) {
                FanOutBench.post(standIn + "/reset", "{}");
                double[] measured = send(clients.get(variant.name()), variant, messages);
                BENCH.progress("round %d %-26s %6.0f/s, %.1f CPU-us per push", round, variant.name(), measured[0], measured[1]);
                if (round >= rounds / 2) {
                    cpu.computeIfAbsent(variant.name(), name -> new ArrayList<>()).add(measured[1]);
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("bench", "fanout-sdk");
        result.put("messages_per_round", messages);
        result.put("rounds", rounds);
        result.put("counted", "the later half of the rounds (the first half warms the JIT up)");
        cpu.forEach((name, values) -> result.put(name + "_cpu_us_per_push",
            Math.round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 10) / 10.0));
        result.put("load_average", Bench.loadAverage());
        BENCH.result(JsonMapper.builder().build().writeValueAsString(result));
        System.exit(0);
    }

    /** Sends {@code count} messages in 500s over {@code variant.calls()} concurrent callers: {rate, CPU-us per push}. */
    @SuppressWarnings("deprecation")
    private static double[] send(FirebaseMessaging messaging, Variant variant, int count) throws Exception {
        String collapse = "raw-" + UUID.randomUUID();
        PushMessages product = new PushMessages(STORM);
        ConcurrentLinkedQueue<List<Message>> batches = new ConcurrentLinkedQueue<>();
        for (int from = 0; from < count; from += 500) {
            List<Message> batch = new ArrayList<>(500);
            for (int i = from; i < Math.min(count, from + 500); i++) {
                String token = "bench-sdk-" + variant.name() + "-" + i + "-xxxxxxxxxxxxxxxx";
                batch.add(variant.productMessage()
                    ? product.build(token, i % 2 == 0 ? "en" : "pl", i % 3 == 0 ? "IOS" : "ANDROID", null)
                    : Message.builder().setToken(token)
                        .setNotification(Notification.builder().setTitle("Raw").setBody("Raw SDK loop").build())
                        .setAndroidConfig(AndroidConfig.builder().setCollapseKey(collapse).build()).build());
            }
            batches.add(batch);
        }
        ExecutorService callers = Executors.newFixedThreadPool(variant.calls());
        long cpuBefore = Bench.processCpuNanos();
        long start = System.nanoTime();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int c = 0; c < variant.calls(); c++) {
                calls.add(callers.submit(() -> {
                    int failed = 0;
                    for (List<Message> batch = batches.poll(); batch != null; batch = batches.poll()) {
                        BatchResponse response = messaging.sendEach(batch);
                        failed += response.getFailureCount();
                    }
                    return failed;
                }));
            }
            for (Future<Integer> call : calls) {
                if (call.get() > 0) {
                    throw new IllegalStateException(call.get() + " messages failed: is the stand-in at 0 ms and without faults?");
                }
            }
        } finally {
            callers.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuUs = (Bench.processCpuNanos() - cpuBefore) / 1e3;
        return new double[] {count / seconds, cpuUs / count};
    }
}
