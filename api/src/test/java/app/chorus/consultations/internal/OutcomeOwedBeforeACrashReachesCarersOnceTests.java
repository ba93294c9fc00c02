package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.consultations.Phase;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.FanOutFixture;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The api saved an outcome (or an action's change) and stopped before handing its push over: the sweep publishes it
 * again, the carer's phone gets it once however often the sweep runs, and the mark is cleared.
 */
@NotificationsTest
class OutcomeOwedBeforeACrashReachesCarersOnceTests {

    @Autowired
    ConsultationStore consultations;
    @Autowired
    PendingPushes pushes;
    @Autowired
    FanOutFixture fixture;
    @Autowired
    Notifications notifications;
    @Autowired
    Recipients recipients;

    private String carer;

    @AfterEach
    void putThePhoneAway() {
        if (carer != null) {
            fixture.noDevices(carer);
        }
    }

    @Test
    void anOutcomeSavedJustBeforeACrashReachesTheCarersPhoneOnceAfterTheSweep() {
        String token = carersPhone();
        String id = "con-owed-outcome-" + System.nanoTime();
        Consultation consultation = decided(id);
        consultation.publishOutcome(new Outcome("Saturday library", "Most asked for it", List.of(), List.of(), null,
            Instant.now().minusSeconds(600), "per-leader", "Mrs Head", "School leader"), Instant.now().minusSeconds(600));
        consultations.insert(consultation).block();

        pushes.sweep().block();
        pushes.sweep().block();
        var progress = fixture.awaitSent("consultation-outcome:" + id + ":v1", 0, Duration.ofSeconds(60));

        assertThat(fixture.standIn().deliveries().received(token, "consultation-outcome-" + id)).as("pushed once: " + progress).isEqualTo(1);
        assertThat(consultations.find(id).block().unannounced()).as("nothing owed any more").isEmpty();
    }

    @Test
    void onlyTheLatestChangeOfAnActionIsPushedAgainWhenAnEarlierOneWasSuperseded() {
        carersPhone();
        String id = "con-owed-action-" + System.nanoTime();
        Consultation consultation = decided(id);
        Instant before = Instant.now().minusSeconds(600);
        consultation.publishOutcome(new Outcome("Saturday library", "", List.of(), List.of(), null, before, "per-leader", "Mrs Head", "School leader"), before);
        Action first = new Action("act-" + id, "Staff the library", "Mrs Patel", Action.ActionStatus.PLANNED, 0, List.of(), 0, before);
        consultation.putAction(first, before);
        consultation.putAction(new Action(first.id(), first.what(), first.ownerName(), Action.ActionStatus.IN_PROGRESS, 40,
            List.of(), 0, before), before);
        consultations.insert(consultation).block();

        pushes.sweep().block();

        assertThat(consultation.unannounced()).extracting(PendingPush::key)
            .containsExactly("outcome", "action:act-" + id + ":1", "action:act-" + id + ":2");
        assertThat(consultations.find(id).block().unannounced()).isEmpty();
        fixture.awaitSent("consultation-action:act-" + id + ":v2", 0, Duration.ofSeconds(60));
        assertThat(notifications.progress("consultation-action:act-" + id + ":v1").block())
            .as("revision 1 was superseded by revision 2 before anyone was told").isNull();
    }

    private String carersPhone() {
        AudienceMember member = fixture.membersOf(Audience.schools(java.util.Set.of("sch-001"), AudienceRole.CARERS)).get(0);
        carer = member.personId();
        recipients.savePreferences(carer, Preferences.DEFAULTS).block();
        return fixture.device(carer, "owed-pushes-phone", Platform.ANDROID);
    }

    private static Consultation decided(String id) {
        Instant now = Instant.now();
        ConsultationDraft draft = new ConsultationDraft("sch-001", "en", Map.of("en", new Text("Owed " + id, "What?", "")),
            new Decider(false, null, "the head"), Audience.schools(java.util.Set.of("sch-001"), AudienceRole.CARERS), null, null, false,
            List.of(new PhasePlan(Phase.IDEAS, now.minusSeconds(3600)), new PhasePlan(Phase.OUTCOME, now.minusSeconds(1200))),
            null, null, null, null);
        return Consultation.create(id, draft, "per-leader", now.minusSeconds(3600));
    }
}
