package app.chorus.notifications;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.standin.FcmStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationsTest
class FlakyFcmStillDeliversOnceTests {

    @Autowired
    FanOutFixture fixture;

    @Test
    void withThirtyPercentOf503And429EveryDeviceStillGetsTheMessageExactlyOnce() {
        List<String> tokens = new ArrayList<>();
        for (AudienceMember member : fixture.membersOf(Audience.trust(AudienceRole.CARERS))) {
            tokens.add(fixture.device(member.personId(), "flaky-phone", Platform.ANDROID));
        }
        FcmStandIn standIn = fixture.standIn();
        standIn.faults(new FcmStandIn.Faults(0, 0.15, 0.15, 1));
        try {
            String fanOutId = fixture.publish(FanOutFixture.announcement(Audience.trust(AudienceRole.CARERS), Priority.NORMAL, null));
            FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(120));
            assertThat(standIn.deliveries().faults("UNAVAILABLE")).isPositive();
            assertThat(standIn.deliveries().faults("QUOTA_EXCEEDED")).isPositive();
            tokens.forEach(token -> assertThat(standIn.deliveries().received(token)).as("pushes to %s", token).isEqualTo(1));
            assertThat(progress.failed()).isZero();
        } finally {
            standIn.faults(FcmStandIn.Faults.NONE);
        }
    }
}
