package app.chorus.consultations.internal;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.ChorusApplication;
import java.nio.file.Files;
import java.nio.file.Path;
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
        try (ConfigurableApplicationContext before = start(store, "1h")) {
            before.getBean(ConsultationStore.class).insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(60), now.plusSeconds(2))).block();
            before.getBean(DuePhases.class).schedule(id, now.plusSeconds(2)).block();
            assertThat(before.getBean(StageEvents.class).of(id)).isEmpty();
        }
        Thread.sleep(2_500);
        try (ConfigurableApplicationContext after = start(store, "200ms")) {
            StageEvents events = after.getBean(StageEvents.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> !events.of(id).isEmpty());
            Thread.sleep(1_000);
            assertThat(events.of(id)).as("one announcement of the stage it is in now").containsExactly(id + ":opened:DELIBERATION");
            assertThat(after.getBean(ConsultationStore.class).find(id).block().announcedStage()).isEqualTo("DELIBERATION");
        }
    }

    private static ConfigurableApplicationContext start(Path store, String sweepEvery) {
        return new SpringApplicationBuilder(ChorusApplication.class, StageEvents.class).properties(
            "server.port=0", "chorus.store.port=0", "chorus.store.data-dir=" + store,
            "chorus.identity.issuer-uri=http://127.0.0.1:8180/realms/chorus",
            "chorus.consultations.sweep-interval=" + sweepEvery).run();
    }
}
