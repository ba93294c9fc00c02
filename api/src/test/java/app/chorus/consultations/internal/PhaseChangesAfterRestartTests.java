package app.chorus.consultations.internal;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.ChorusApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The api stops with a phase change still to come; started again on the same store, it makes the change on time, once. */
class PhaseChangesAfterRestartTests {

    @Test
    void aPhaseDueWhileTheApiWasDownChangesOnceAfterItStartsAgain() throws Exception {
        Path store = Files.createTempDirectory("chorus-restart-store");
        String id = "con-restart-" + System.currentTimeMillis();
        Instant now = Instant.now();
        try (ConfigurableApplicationContext before = start(store, "1h", Clock.systemUTC())) {
            before.getBean(ConsultationStore.class).insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(60), now.plusSeconds(2))).block();
            before.getBean(DuePhases.class).schedule(id, now.plusSeconds(2)).block();
            assertThat(before.getBean(StageEvents.class).of(id)).isEmpty();
        }
        // it comes back after the deliberation's start: its clock is 3 s on
        try (ConfigurableApplicationContext after = start(store, "200ms", Clock.offset(Clock.systemUTC(), Duration.ofSeconds(3)))) {
            StageEvents events = after.getBean(StageEvents.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !events.of(id).isEmpty());
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.of(id))
                .as("one announcement of the stage it is in now").containsExactly(id + ":opened:DELIBERATION"));
            assertThat(after.getBean(ConsultationStore.class).find(id).block().announcedStage()).isEqualTo("DELIBERATION");
        }
    }

    private static ConfigurableApplicationContext start(Path store, String sweepEvery, Clock clock) {
        return new SpringApplicationBuilder(ChorusApplication.class, StageEvents.class)
            .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
            // as arguments, so that they win over application.yml (its ports are a running portal's)
            .run("--server.port=0", "--chorus.store.port=0", "--chorus.store.data-dir=" + store,
                "--chorus.identity.issuer-uri=http://127.0.0.1:8180/realms/chorus",
                "--chorus.consultations.sweep-interval=" + sweepEvery);
    }
}
