package app.chorus.notifications;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationsTest
class QuietHoursHoldNormalMessagesTests {

    @Autowired
    FanOutFixture fixture;

    @Autowired
    Recipients recipients;

    @Test
    void aCarerInQuietHoursGetsTheUrgentMessageAtOnceWhileTheNormalOneWaits() {
        String school = fixture.membersOf(Audience.trust(AudienceRole.CARERS)).get(0).schoolIds().iterator().next();
        Audience schoolTwo = Audience.schools(Set.of(school), AudienceRole.CARERS);
        List<AudienceMember> members = fixture.membersOf(schoolTwo);
        String sleeper = members.get(1).personId();
        String awake = members.get(2).personId();
        String sleeperPhone = fixture.device(sleeper, "quiet-phone", Platform.IOS);
        String awakePhone = fixture.device(awake, "quiet-phone", Platform.ANDROID);
        LocalTime now = ZonedDateTime.now(Preferences.TRUST_ZONE).toLocalTime();
        recipients.savePreferences(sleeper, new Preferences(Set.of("push"), now.minusHours(1), now.plusHours(1),
            Set.of(), null, false)).block();
        try {
            AnnouncementPublished normal = FanOutFixture.announcement(schoolTwo, Priority.NORMAL, null);
            String normalId = fixture.publish(normal);
            FanOutProgress held = fixture.awaitSent(normalId, countHeld(sleeper), Duration.ofSeconds(60));
            assertThat(fixture.standIn().deliveries().received(awakePhone, about(normalId))).isEqualTo(1);
            assertThat(fixture.standIn().deliveries().received(sleeperPhone, about(normalId))).as("held until quiet hours end").isZero();
            assertThat(held.pending()).isPositive();

            String urgentId = fixture.publish(FanOutFixture.announcement(schoolTwo, Priority.URGENT, null));
            waitForPush(sleeperPhone, urgentId);
            assertThat(fixture.standIn().deliveries().received(sleeperPhone, about(normalId))).as("still held").isZero();
            waitForPush(awakePhone, urgentId);
        } finally {
            recipients.savePreferences(sleeper, Preferences.DEFAULTS).block();
        }
    }

    private long countHeld(String personId) {
        return Recipients.devicesOf(recipients.find(personId).block()).size();
    }

    /** Other tests' fan-outs may still reach these phones: count only the pushes about this announcement. */
    private static String about(String announcementId) {
        return announcementId.split(":")[1];
    }

    private void waitForPush(String token, String announcementId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
            assertThat(fixture.standIn().deliveries().received(token, about(announcementId))).isEqualTo(1));
    }
}
