package app.chorus.notifications;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.standin.Deliveries;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationsTest
class PublishedAnnouncementReachesAudienceDevicesTests {

    @Autowired
    FanOutFixture fixture;

    @Autowired
    WebTestClient web;

    @Test
    void aSchoolAnnouncementReachesExactlyItsCarersDevicesEachInTheirLanguage() {
        String carerPhone = "fcm-carer-demo-phone-" + System.nanoTime();
        web.put().uri("/api/v1/devices/carer-demo-phone")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("token", carerPhone, "platform", "android", "appVersion", "2.1.0", "locale", "en-GB"))
            .exchange().expectStatus().isOk();
        Audience schoolOne = Audience.schools(Set.of(firstSchoolOf("car-000001")), AudienceRole.CARERS);
        Audience everyone = Audience.trust(AudienceRole.CARERS);
        Map<String, String> languageByToken = new HashMap<>();
        Set<String> inAudience = Set.copyOf(fixture.membersOf(schoolOne).stream().map(AudienceMember::personId).toList());
        List<String> outside = new ArrayList<>();
        for (AudienceMember member : fixture.membersOf(everyone)) {
            String token = fixture.device(member.personId(), "tablet", member.personId().hashCode() % 2 == 0 ? Platform.IOS : Platform.ANDROID);
            if (inAudience.contains(member.personId())) {
                languageByToken.put(token, String.valueOf(member.preferredLanguage()));
            } else {
                outside.add(token);
            }
        }
        assertThat(outside).as("the synthetic or demo trust has carers outside school one").isNotEmpty();

        AnnouncementPublished event = FanOutFixture.announcement(schoolOne, Priority.NORMAL, null);
        String fanOutId = fixture.publish(event);
        fixture.publish(event);
        FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(60));

        Deliveries deliveries = fixture.standIn().deliveries();
        languageByToken.forEach((token, language) -> {
            assertThat(deliveries.received(token)).as("pushes to %s", token).isEqualTo(1);
            String expected = language != null && event.titles().containsKey(language) ? event.titles().get(language) : event.titles().get("en");
            assertThat(deliveries.lastPush(token).title()).as("title in %s", language).isEqualTo(expected);
            assertThat(deliveries.lastPush(token).collapseId()).isEqualTo("announcement-" + event.announcementId() + "-v1");
        });
        outside.forEach(token -> assertThat(deliveries.received(token)).as("pushes to %s outside the audience", token).isZero());
        assertThat(deliveries.received(carerPhone)).as("the carer's own phone registered through the api").isEqualTo(1);
        assertThat(progress.accepted()).isEqualTo(languageByToken.size() + 1);
    }

    private String firstSchoolOf(String personId) {
        return fixture.membersOf(Audience.trust(AudienceRole.CARERS)).stream()
            .filter(member -> member.personId().equals(personId)).findFirst().orElseThrow()
            .schoolIds().stream().sorted().findFirst().orElseThrow();
    }
}
