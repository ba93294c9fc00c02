package app.chorus.notifications;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.notifications.Inbox.Mail;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.testing.Tokens;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A head teacher's important announcements reach carers who have the app; whoever has not opened one after
 * the fallback delay gets it by email, once. The demo carer opens one from the push and one in the feed.
 */
@NotificationsTest
class ImportantAnnouncementEmailFallbackTests {

    private static final String CARER = "car-000001";

    @Autowired
    FanOutFixture fixture;

    @Autowired
    WebTestClient web;

    @Autowired
    Recipients recipients;

    @Autowired
    DirectoryQueries directory;

    @Autowired
    GreenMail mailServer;

    @Autowired
    PushProperties push;

    @Test
    void anImportantAnnouncementNotOpenedInTimeIsEmailedOnceAndOneTheCarerOpenedIsNot() {
        String classId = fixture.classOf(CARER, "sch-001");
        Audience classCarers = Audience.classes(Set.of(classId), AudienceRole.CARERS);
        String demoPhone = registerDemoCarersPhone();
        String busy = fixture.membersOf(classCarers).stream().map(AudienceMember::personId).filter(id -> !id.equals(CARER))
            .findFirst().orElseThrow();
        fixture.noDevices(busy);
        fixture.device(busy, "fallback-phone", Platform.IOS);
        recipients.savePreferences(busy, new Preferences(Set.of("push", "email"), null, null, Set.of(), "pl", false)).block();
        String[] bearers = {Tokens.bearer("head.oakfield"), Tokens.bearer("carer.demo")};

        Instant published = Instant.now();
        Notice fromPush = publish(bearers[0], classId, "IMPORTANT", "Trip forms " + System.nanoTime());
        web.post().uri("/api/v1/notifications/opened").header("Authorization", bearers[1])
            .bodyValue(Map.of("source", "announcement", "sourceId", fromPush.id())).exchange().expectStatus().isNoContent();
        Notice inFeed = publish(bearers[0], classId, "IMPORTANT", "Lice check " + System.nanoTime());
        web.post().uri("/api/v1/feed/" + inFeed.id() + "/open").header("Authorization", bearers[1]).exchange()
            .expectStatus().isOk();
        Notice normal = publish(bearers[0], classId, "NORMAL", "Cake sale " + System.nanoTime());

        Inbox inbox = new Inbox(mailServer);
        for (Notice notice : List.of(fromPush, inFeed)) {
            Mail mail = inbox.awaitOne(emailOf(busy), notice.polishTitle(), Duration.ofSeconds(30));
            assertThat(mail.body()).contains("Proszę przeczytać");
            assertThat(mail.receivedAt()).as("not before the fallback delay").isAfterOrEqualTo(published.plus(push.emailFallbackAfter()));
        }
        for (Notice notice : List.of(fromPush, inFeed, normal)) {
            fixture.awaitSent("announcement:" + notice.id() + ":v1", 0, Duration.ofSeconds(60));
        }
        assertThat(fixture.standIn().deliveries().received(demoPhone)).as("the demo carer's phone got all three").isEqualTo(3);
        assertThat(inbox.to(emailOf(busy), fromPush.polishTitle())).hasSize(1);
        assertThat(inbox.to(emailOf(busy), inFeed.polishTitle())).hasSize(1);
        assertThat(inbox.to(emailOf(CARER), fromPush.englishTitle(), fromPush.polishTitle())).as("opened from the push").isEmpty();
        assertThat(inbox.to(emailOf(CARER), inFeed.englishTitle(), inFeed.polishTitle())).as("opened in the feed").isEmpty();
        assertThat(inbox.withSubject(normal.englishTitle())).as("normal messages never go by email").isEmpty();
        assertThat(inbox.withSubject(normal.polishTitle())).isEmpty();
    }

    private record Notice(String id, String englishTitle, String polishTitle) {
    }

    private Notice publish(String bearer, String classId, String priority, String about) {
        Notice notice = new Notice(null, "Notice: " + about, "Komunikat: " + about);
        Map<String, Object> post = Map.of("schoolId", "sch-001", "priority", priority,
            "audience", Map.of("scope", "CLASSES", "ids", List.of(classId), "roles", List.of("CARERS")),
            "translations", Map.of("en", Map.of("title", notice.englishTitle(), "body", "Please read it today."),
                "pl", Map.of("title", notice.polishTitle(), "body", "Proszę przeczytać dzisiaj.")));
        String id = (String) web.post().uri("/api/v1/announcements").header("Authorization", bearer).bodyValue(post).exchange()
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        web.post().uri("/api/v1/announcements/" + id + "/submit").header("Authorization", bearer).exchange()
            .expectStatus().isOk();
        return new Notice(id, notice.englishTitle(), notice.polishTitle());
    }

    private String registerDemoCarersPhone() {
        String token = "fcm-carer-demo-fallback-" + System.nanoTime();
        web.put().uri("/api/v1/devices/fallback-phone").header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("token", token, "platform", "android", "appVersion", "2.1.0", "locale", "en-GB"))
            .exchange().expectStatus().isOk();
        web.put().uri("/api/v1/preferences").header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("channels", List.of("push", "email"))).exchange().expectStatus().isOk();
        return token;
    }

    private String emailOf(String personId) {
        return directory.person(personId).block().email();
    }
}
