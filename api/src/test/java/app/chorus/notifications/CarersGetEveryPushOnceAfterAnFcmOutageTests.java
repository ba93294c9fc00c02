package app.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.standin.FcmStandIn;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * FCM is down (every send answered 503 with Retry-After) for a long stretch while an announcement goes out to every
 * carer of the trust: the pushes stay queued (none accepted, none given up) and are retried with a growing backoff;
 * once FCM is back they drain, every device getting the message exactly once and none counted failed. The retry
 * backoff here starts at 50 ms (production: 500 ms), so the 30 s outage stands for about five minutes of production's
 * schedule. Outages of hours: {@link CarersGetPushesThroughHoursOfFcmOutageTests}.
 */
@NotificationsTest
class CarersGetEveryPushOnceAfterAnFcmOutageTests {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Autowired
    FanOutFixture fixture;

    @Autowired
    Notifications notifications;

    @Test
    void pushesWaitOutTheOutageThenArriveOnceEach() {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (AudienceMember member : fixture.membersOf(Audience.trust(AudienceRole.CARERS))) {
            tokens.put(member.personId(), fixture.device(member.personId(), "outage-phone", Platform.ANDROID));
        }
        FcmStandIn standIn = fixture.standIn();
        long unavailableBefore = standIn.deliveries().faults("UNAVAILABLE");
        standIn.faults(new FcmStandIn.Faults(0, 1.0, 0, 1));
        try {
            AnnouncementPublished event = FanOutFixture.announcement(Audience.trust(AudienceRole.CARERS), Priority.NORMAL, null);
            String fanOutId = fixture.publish(event);

            Awaitility.await("the fan-out stays queued through the outage").during(OUTAGE).atMost(OUTAGE.plusSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    FanOutProgress progress = notifications.progress(fanOutId).block();
                    return progress == null || progress.failed() == 0 && progress.accepted() == 0;
                });
            long attempts = standIn.deliveries().faults("UNAVAILABLE") - unavailableBefore;
            assertThat(attempts).as("sends refused during the outage").isPositive();
            assertThat(notifications.progress(fanOutId).block().pending()).as("still queued when FCM comes back").isPositive();

            standIn.faults(FcmStandIn.Faults.NONE);
            long recovered = System.nanoTime();
            FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(180));
            System.out.printf("FCM outage: %d devices, %d sends refused in %d s of outage, drained %.1f s after FCM came back%n",
                tokens.size(), attempts, OUTAGE.toSeconds(), (System.nanoTime() - recovered) / 1e9);
            assertThat(progress.failed()).as("pushes given up").isZero();
            // the tokens are new to this test: everything they received is this announcement
            tokens.values().forEach(token -> assertThat(standIn.deliveries().received(token))
                .as("pushes to %s", token).isEqualTo(1));
        } finally {
            standIn.faults(FcmStandIn.Faults.NONE);
            tokens.keySet().forEach(fixture::noDevices);
        }
    }
}
