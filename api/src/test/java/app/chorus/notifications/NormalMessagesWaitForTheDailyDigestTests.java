package app.chorus.notifications;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.TestClock.MovableClock;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.notifications.standin.Deliveries;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import static org.assertj.core.api.Assertions.assertThat;

/** The demo carer chose the daily digest in the app; another carer of the class did not. */
@NotificationsTest
class NormalMessagesWaitForTheDailyDigestTests {

    private static final String CARER = "car-000001";

    @Autowired
    FanOutFixture fixture;

    @Autowired
    WebTestClient web;

    @Autowired
    Recipients recipients;

    @Autowired
    MovableClock clock;

    @Autowired
    PushProperties push;

    @Test
    void theDaysNormalMessagesReachTheDigestCarerInOnePushAtDigestTimeWhileOthersGetThemAtOnce() {
        Audience classCarers = Audience.classes(Set.of(fixture.classOf(CARER, "sch-001")), AudienceRole.CARERS);
        String digestPhone = "fcm-carer-demo-digest-" + System.nanoTime();
        carer("PUT", "/api/v1/devices/digest-phone",
            Map.of("token", digestPhone, "platform", "android", "appVersion", "2.1.0", "locale", "en-GB"));
        String other = fixture.membersOf(classCarers).stream().map(member -> member.personId())
            .filter(id -> !id.equals(CARER)).findFirst().orElseThrow();
        fixture.noDevices(other);
        String otherPhone = fixture.device(other, "digest-test-phone", Platform.IOS);
        recipients.savePreferences(other, Preferences.DEFAULTS).block();
        ZonedDateTime digestTime = nextDigestAtLeastAnHourAway();
        clock.moveTo(digestTime.minusHours(1).toInstant());
        try {
            carer("PUT", "/api/v1/preferences", Map.of("channels", List.of("push", "email"), "dailyDigest", true));
            long held = Recipients.devicesOf(recipients.find(CARER).block()).size();
            List<String> fanOuts = List.of(
                fixture.publish(FanOutFixture.notice(classCarers, Priority.NORMAL, "cake sale " + System.nanoTime())),
                fixture.publish(FanOutFixture.notice(classCarers, Priority.NORMAL, "new menu " + System.nanoTime())));
            fanOuts.forEach(id -> fixture.awaitSent(id, held, Duration.ofSeconds(60)));
            Deliveries deliveries = fixture.standIn().deliveries();
            assertThat(deliveries.received(otherPhone)).as("no digest: each message at once").isEqualTo(2);
            assertThat(deliveries.received(digestPhone)).as("held for the digest").isZero();

            clock.advance(Duration.ofHours(1).plusSeconds(1));
            fanOuts.forEach(id -> fixture.awaitSent(id, 0, Duration.ofSeconds(60)));
            assertThat(deliveries.received(digestPhone)).as("one digest push for the day").isEqualTo(1);
            assertThat(deliveries.lastPush(digestPhone).collapseId()).isEqualTo("digest-" + digestTime.toLocalDate());
            assertThat(deliveries.lastPush(digestPhone).title()).isEqualTo("New messages from your school");
            assertThat(deliveries.received(otherPhone)).isEqualTo(2);
        } finally {
            clock.reset();
            carer("PUT", "/api/v1/preferences", Map.of("channels", List.of("push", "email"), "dailyDigest", false));
        }
    }

    private ZonedDateTime nextDigestAtLeastAnHourAway() {
        ZonedDateTime inAnHour = ZonedDateTime.now(Preferences.TRUST_ZONE).plusHours(1);
        ZonedDateTime digest = inAnHour.with(push.digestAt());
        return digest.isAfter(inAnHour) ? digest : digest.plusDays(1);
    }

    private void carer(String method, String path, Map<String, Object> body) {
        web.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path).header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(body).exchange().expectStatus().isOk();
    }
}
