package app.chorus.notifications;

import static org.awaitility.Awaitility.await;

import app.chorus.announcements.AnnouncementPublished;
import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.notifications.internal.devices.Device;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.notifications.standin.FcmStandIn;
import app.chorus.platform.DomainEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;

/** Test steps shared by the notification tests: seed devices, publish, wait for a fan-out to finish. */
@TestComponent
public class FanOutFixture {

    private final Recipients recipients;
    private final DomainEvents events;
    private final Notifications notifications;
    private final AudienceResolver audiences;
    private final FcmStandIn standIn;
    private final DirectoryQueries directory;

    FanOutFixture(Recipients recipients, DomainEvents events, Notifications notifications, AudienceResolver audiences,
                  FcmStandIn standIn, DirectoryQueries directory) {
        this.directory = directory;
        this.recipients = recipients;
        this.events = events;
        this.notifications = notifications;
        this.audiences = audiences;
        this.standIn = standIn;
    }

    /** The class of the carer's child at that school. */
    public String classOf(String carerId, String schoolId) {
        return directory.pupilsCaredFor(carerId).filter(pupil -> pupil.schoolId().equals(schoolId))
            .blockFirst().classIds().get(0);
    }

    public FcmStandIn standIn() {
        return standIn;
    }

    public static String tokenOf(String personId, String device) {
        return "fcm-" + personId + "-" + device + "-aaaaaaaaaaaaaaaa";
    }

    /** Gives the person a device whose token is {@link #tokenOf}. */
    public String device(String personId, String device, Platform platform) {
        String token = tokenOf(personId, device);
        recipients.saveDevice(personId, new Device(device, token, platform, "1.0.0", "en-GB", Instant.now())).block();
        return token;
    }

    /** Takes away every device of the person, as if they had never installed the app. */
    public void noDevices(String personId) {
        Recipients.devicesOf(recipients.find(personId).block()).forEach(device -> recipients
            .removeDevice(personId, device.installationId()).then(recipients.releaseToken(device.token(), personId)).block());
    }

    public List<AudienceMember> membersOf(Audience audience) {
        return audiences.resolve(audience).collectList().block();
    }

    public static AnnouncementPublished announcement(Audience audience, Priority priority, String schoolId) {
        return new AnnouncementPublished("ann-" + UUID.randomUUID(), 1, schoolId, audience, priority, false,
            Map.of("en", "School closed tomorrow", "pl", "Szkoła jutro zamknięta", "ro", "Școala închisă mâine"),
            Map.of("en", "Snow.", "pl", "Śnieg.", "ro", "Zăpadă."), "en", Instant.now());
    }

    /** An announcement whose English and Polish titles carry {@code about}, so its mail and pushes are told apart. */
    public static AnnouncementPublished notice(Audience audience, Priority priority, String about) {
        return new AnnouncementPublished("ann-" + UUID.randomUUID(), 1, null, audience, priority, false,
            Map.of("en", "Notice: " + about, "pl", "Komunikat: " + about), Map.of("en", "Read it today.", "pl", "Przeczytaj dziś."),
            "en", Instant.now());
    }

    public String publish(AnnouncementPublished event) {
        events.publish(event).block(Duration.ofSeconds(30));
        return "announcement:" + event.announcementId() + ":v" + event.version();
    }

    /** Waits until nothing of the fan-out is pending (held targets excluded when {@code held} > 0). */
    public FanOutProgress awaitSent(String fanOutId, long stillHeld, Duration timeout) {
        return await("fan-out " + fanOutId + " sent").atMost(timeout).pollInterval(Duration.ofMillis(100))
            .until(() -> notifications.progress(fanOutId).block(),
                progress -> progress != null && !"PLANNING".equals(progress.state()) && progress.pending() <= stillHeld);
    }
}
