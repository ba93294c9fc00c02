package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.notifications.TestClock;
import app.chorus.testing.ApiTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.TestPropertySource;

/**
 * A leader's edit and the scheduler's marks interleaved step by step (no timing): the leader read the consultation, the
 * scheduler announced its stage or handed a push over, then the leader saved. The save goes through first time and keeps
 * the scheduler's mark; only another leader's edit in between still refuses it.
 */
@ApiTest
@Import({StageEvents.class, TestClock.class})
@TestPropertySource(properties = "chorus.consultations.sweep-interval=1h")
class LeaderEditAndSchedulerMarkDoNotConflictTests {

    @Autowired
    ConsultationStore consultations;

    @Test
    void anOutcomeReadBeforeTheStageWasAnnouncedIsSavedFirstTimeAndTheAnnouncementStays() {
        String id = opened("con-interleave-outcome-");
        Consultation leadersRead = consultations.find(id).block();

        assertThat(consultations.markAnnounced(id, "UPCOMING", "IDEAS").block()).as("the scheduler announces the opening").isTrue();
        PendingPush owed = leadersRead.publishOutcome(outcome(), Instant.now());
        consultations.save(leadersRead, owed).block();

        Consultation stored = consultations.find(id).block();
        assertThat(stored.outcome().decision()).isEqualTo("A Saturday library");
        assertThat(stored.announcedStage()).as("the leader's save does not undo the announcement").isEqualTo("IDEAS");
        assertThat(stored.unannounced()).extracting(PendingPush::key).containsExactly("outcome");
    }

    @Test
    void anActionReadBeforeAPushWasHandedOverDoesNotOweThatPushAgain() {
        String id = opened("con-interleave-action-");
        Consultation published = consultations.find(id).block();
        consultations.save(published, published.publishOutcome(outcome(), Instant.now())).block();
        Consultation leadersRead = consultations.find(id).block();

        consultations.clearPending(id, PendingPush.OUTCOME).block();
        PendingPush owed = leadersRead.putAction(new Action("act-1", "Staff the library", "Mrs Patel", Action.ActionStatus.PLANNED,
            0, List.of(), 0, Instant.now()), Instant.now());
        consultations.save(leadersRead, owed).block();

        Consultation stored = consultations.find(id).block();
        assertThat(stored.actions()).extracting(Action::what).containsExactly("Staff the library");
        assertThat(stored.unannounced()).extracting(PendingPush::key).as("the outcome's push was handed over already")
            .containsExactly(owed.key());
    }

    @Test
    void anotherLeadersEditInBetweenStillRefusesTheSave() {
        String id = opened("con-interleave-leaders-");
        Consultation first = consultations.find(id).block();
        Consultation second = consultations.find(id).block();

        consultations.save(first, first.publishOutcome(outcome(), Instant.now())).block();
        PendingPush owed = second.publishOutcome(new Outcome("A later bus", "", List.of(), List.of(), null, Instant.now(),
            "per-other", "Mr Deputy", "School leader"), Instant.now());

        assertThatThrownBy(() -> consultations.save(second, owed).block()).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(consultations.find(id).block().outcome().decision()).isEqualTo("A Saturday library");
    }

    private String opened(String prefix) {
        Instant now = Instant.now();
        String id = prefix + System.nanoTime();
        consultations.insert(Timetables.ideasThenDeliberation(id, now.minusSeconds(60), now.plusSeconds(86_400))).block();
        return id;
    }

    private static Outcome outcome() {
        return new Outcome("A Saturday library", "Most asked for it", List.of(), List.of(), null, Instant.now(),
            "per-leader", "Mrs Head", "School leader");
    }
}
