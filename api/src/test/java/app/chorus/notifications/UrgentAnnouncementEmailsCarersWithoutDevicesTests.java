package app.chorus.notifications;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.notifications.Inbox.Mail;
import app.chorus.notifications.internal.PushProperties;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import static org.assertj.core.api.Assertions.assertThat;

@NotificationsTest
class UrgentAnnouncementEmailsCarersWithoutDevicesTests {

    @Autowired
    FanOutFixture fixture;

    @Autowired
    Recipients recipients;

    @Autowired
    DirectoryQueries directory;

    @Autowired
    GreenMail mailServer;

    @Autowired
    PushProperties push;

    @Test
    void carersWithNoAppOrAnUninstalledOneGetTheUrgentMessageByEmailAtOnceInTheirLanguageAndOnlyOnce() {
        Audience classCarers = Audience.classes(Set.of("cls-001-RB"), AudienceRole.CARERS);
        List<AudienceMember> members = fixture.membersOf(classCarers);
        assertThat(members).hasSizeGreaterThan(2);
        String noApp = members.get(members.size() - 1).personId();
        String uninstalled = members.get(members.size() - 2).personId();
        fixture.noDevices(noApp);
        fixture.noDevices(uninstalled);
        // SMS is a channel choice without a provider yet: choosing it must not hold anything up
        recipients.savePreferences(noApp, new Preferences(Set.of("push", "email", "sms"), null, null, Set.of(), "pl", false)).block();
        recipients.savePreferences(uninstalled, new Preferences(Set.of("push", "email"), null, null, Set.of(), "en", false)).block();
        uninstallTheAppOf(uninstalled, classCarers);

        AnnouncementPublished urgent = FanOutFixture.notice(classCarers, Priority.URGENT, "flooding " + System.nanoTime());
        Instant published = Instant.now();
        String fanOutId = fixture.publish(urgent);
        fixture.publish(urgent);

        Inbox inbox = new Inbox(mailServer);
        Mail polish = inbox.awaitOne(emailOf(noApp), urgent.titles().get("pl"), Duration.ofSeconds(30));
        Mail english = inbox.awaitOne(emailOf(uninstalled), urgent.titles().get("en"), Duration.ofSeconds(30));
        assertThat(polish.body()).contains(urgent.summaries().get("pl")).doesNotContain(urgent.summaries().get("en"));
        assertThat(english.body()).contains(urgent.summaries().get("en"));
        assertThat(List.of(polish.receivedAt(), english.receivedAt())).as("sent at once, not after the fallback delay")
            .allMatch(at -> at.isBefore(published.plus(push.emailFallbackAfter())));

        FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(60));
        assertThat(progress.failed()).as("no channel gave up").isZero();
        assertThat(inbox.to(emailOf(noApp), urgent.titles().get("pl"))).as("one mail, though the event came twice").hasSize(1);
        assertThat(inbox.to(emailOf(uninstalled), urgent.titles().get("en"))).hasSize(1);
        assertThat(inbox.to(emailOf(noApp), urgent.titles().get("en"))).as("only in Polish").isEmpty();
    }

    /** The carer's only phone had the app removed: FCM answers UNREGISTERED and the token is retired. */
    private void uninstallTheAppOf(String personId, Audience audience) {
        String token = fixture.device(personId, "old-phone", Platform.ANDROID);
        fixture.standIn().markUnregistered(token);
        String earlier = fixture.publish(FanOutFixture.notice(audience, Priority.NORMAL, "earlier " + System.nanoTime()));
        fixture.awaitSent(earlier, 0, Duration.ofSeconds(60));
        assertThat(Recipients.devicesOf(recipients.find(personId).block())).as("the dead token was retired").isEmpty();
    }

    private String emailOf(String personId) {
        return directory.person(personId).block().email();
    }
}
