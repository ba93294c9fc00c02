package app.chorus.notifications;

import app.chorus.platform.store.TestStoreKey;
import app.chorus.notifications.standin.FcmStandIn;
import app.chorus.platform.store.EmbeddedStore;
import app.chorus.testing.Tokens;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.time.Duration;
import java.io.File;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import static org.awaitility.Awaitility.await;

import org.awaitility.core.ConditionTimeoutException;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the api in the middle of a fan-out, then a restart: the store and the FCM stand-in live in this
 * JVM, the api in a child JVM. Size: {@code -Dchorus.kill-test.devices} (CI default 5,000; bench/fanout-kill.sh
 * runs the full 50,000).
 */
class FanOutSurvivesKillTests {

    private static final int DEVICES = Integer.getInteger("chorus.kill-test.devices", 5_000);
    private static final int IN_FLIGHT_LIMIT = 3 * 500;

    @Test
    void aFanOutKilledHalfwayIsResumedAfterRestartAndNoDeviceMissesTheMessage() throws Exception {
        Path data = Files.createTempDirectory("chorus-kill-test");
        try (EmbeddedStore store = EmbeddedStore.start(data, TestStoreKey.CIPHER, new InetSocketAddress("127.0.0.1", 0), false);
             FcmStandIn standIn = FcmStandIn.start()) {
            String mongo = "mongodb://127.0.0.1:" + store.address().getPort() + "/chorus";
            seed(mongo);
            List<String> args = childArgs(mongo, standIn.url(), "ann-kill-" + UUID.randomUUID());

            Process first = start(args, data.resolve("first.log"));
            long killedAt = awaitAccepted(standIn, DEVICES / 3, 600_000, first);
            first.destroyForcibly().waitFor();
            long atKill = standIn.deliveries().accepted();

            Process second = start(args, data.resolve("second.log"));
            try {
                awaitTokens(standIn, DEVICES, 900_000);
            } finally {
                second.destroyForcibly().waitFor();
            }
            Map<String, Object> counts = standIn.deliveries().counts();
            long repeats = ((Number) counts.get("rawRepeats")).longValue();
            System.out.printf("KILL TEST devices=%d accepted_at_kill=%d (seen %d) accepted=%d missing=%d raw_repeats=%d visible_repeats=%s%n",
                DEVICES, atKill, killedAt, standIn.deliveries().accepted(), DEVICES - ((Number) counts.get("tokens")).longValue(),
                repeats, counts.get("visibleRepeats"));
            assertThat(((Number) counts.get("tokens")).longValue()).as("devices reached").isEqualTo(DEVICES);
            assertThat(repeats).as("raw repeats after the kill").isLessThanOrEqualTo(IN_FLIGHT_LIMIT);
            assertThat(((Number) counts.get("visibleRepeats")).longValue()).as("repeats a person would see").isZero();
        }
    }

    private static void seed(String uri) {
        try (MongoClient client = MongoClients.create(uri)) {
            Flux.range(1, DEVICES).map(i -> new Document("_id", SyntheticTrust.carer(i)).append("devices", List.of(
                    new Document("installationId", "phone").append("token", "kill-" + SyntheticTrust.carer(i) + "-xxxxxxxxxxxx")
                        .append("platform", i % 2 == 0 ? "IOS" : "ANDROID").append("appVersion", "2.0.0")
                        .append("locale", "en-GB").append("lastSeen", new Date()))))
                .buffer(5000)
                .concatMap(batch -> Mono.from(client.getDatabase("chorus").getCollection("notification_recipients").insertMany(batch)), 1)
                .blockLast();
        }
    }

    private static List<String> childArgs(String mongo, String standIn, String announcement) {
        List<String> args = new ArrayList<>(List.of(
            System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-Xmx768m",
            "-cp", System.getProperty("java.class.path"), KillTestApi.class.getName(),
            "--spring.mongodb.uri=" + mongo, "--server.port=0", "--chorus.push.stand-in-url=" + standIn,
            "--chorus.push.lease=10s", "--chorus.test.carers=" + DEVICES, "--kill-test.announcement=" + announcement,
            "--chorus.identity.issuer-uri=" + Tokens.keycloakUrl() + "/realms/chorus",
            "--logging.level.root=WARN", "--logging.level.app.chorus=INFO"));
        return args;
    }

    private static Process start(List<String> command, Path log) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static long awaitAccepted(FcmStandIn standIn, long count, long timeoutMillis, Process child) throws Exception {
        await("fan-out reached " + count + " devices in time").atMost(Duration.ofMillis(timeoutMillis))
            .pollInterval(Duration.ofMillis(20)).until(() -> {
                assertThat(child.isAlive()).as("the api child is running").isTrue();
                return standIn.deliveries().accepted() >= count;
            });
        return standIn.deliveries().accepted();
    }

    private static void awaitTokens(FcmStandIn standIn, long count, long timeoutMillis) throws Exception {
        try {
            await().atMost(Duration.ofMillis(timeoutMillis)).pollInterval(Duration.ofMillis(250))
                .until(() -> ((Number) standIn.deliveries().counts().get("tokens")).longValue() >= count);
        } catch (ConditionTimeoutException notYet) {
            // the caller's own assertion says what is missing
        }
    }
}
