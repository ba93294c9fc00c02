package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.TestClock;
import app.chorus.notifications.TestClock.MovableClock;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

@ApiTest
@Import({StageEvents.class, TestClock.class})
@TestPropertySource(properties = "chorus.consultations.sweep-interval=1h")
class PhasesChangeOnceWithTwoInstancesTests {

    @Autowired
    PhaseScheduler scheduler;
    @Autowired
    ConsultationStore consultations;
    @Autowired
    DuePhases due;
    @Autowired
    StageEvents events;
    @Autowired
    MovableClock clock;

    @Test
    void twoInstancesSweepingTogetherAnnounceTheOpeningAndThePhaseChangeOnceEach() {
        Instant now = Instant.now();
        String id = "con-race-" + now.toEpochMilli();
        consultations.insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(60), now.plusSeconds(3))).block();
        due.schedule(id, now).block();

        race();
        assertThat(events.of(id)).containsExactly(id + ":opened:IDEAS");
        clock.advance(Duration.ofSeconds(4));
        race();
        race();
        assertThat(events.of(id)).containsExactly(id + ":opened:IDEAS", id + ":IDEAS->DELIBERATION");
        assertThat(consultations.find(id).block().announcedStage()).isEqualTo("DELIBERATION");
    }

    /** Four schedulers (as on four instances, each with its own lease holder name) sweep the same store at once. */
    private void race() {
        Flux.fromIterable(List.of("instance-a", "instance-b", "instance-c", "instance-d"))
            .flatMap(holder -> scheduler.sweep(holder).subscribeOn(Schedulers.parallel()))
            .blockLast(Duration.ofSeconds(30));
    }
}
