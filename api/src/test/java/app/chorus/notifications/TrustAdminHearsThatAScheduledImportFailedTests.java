package app.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The rostering service drops a file set Chorus cannot import into the roster inbox overnight: the trust administrator
 * who looks after the inbox finds a push on their phone naming the set, and a teacher hears nothing.
 */
@NotificationsTest
class TrustAdminHearsThatAScheduledImportFailedTests {

    private static final Path INBOX = temporaryFolder();
    private static final String ADMIN = "stf-00001";
    private static final String TEACHER = "stf-00003";

    @Autowired
    WebTestClient web;

    @Autowired
    FanOutFixture fixture;

    @Autowired
    Recipients recipients;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry properties) {
        properties.add("chorus.roster.inbox.folder", INBOX::toString);
        properties.add("chorus.roster.inbox.poll-interval", () -> "200ms");
        properties.add("chorus.roster.inbox.settle", () -> "0s");
    }

    @AfterEach
    void phonesPutAway() {
        for (String[] phone : new String[][] {{ADMIN, "admin-phone"}, {TEACHER, "teacher-phone"}}) {
            recipients.removeDevice(phone[0], phone[1]).then(recipients.releaseToken(FanOutFixture.tokenOf(phone[0], phone[1]), phone[0])).block();
        }
    }

    @Test
    void aSetWithoutItsUsersFileReachesTheAdministratorsPhoneAndNoTeachers() throws IOException {
        String adminsPhone = fixture.device(ADMIN, "admin-phone", Platform.ANDROID);
        String teachersPhone = fixture.device(TEACHER, "teacher-phone", Platform.ANDROID);
        web.get().uri("/api/v1/directory/imports/inbox").header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk();

        Path broken = INBOX.resolve(".arriving");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("manifest.csv"), "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
            + "file.orgs,bulk\r\nfile.users,bulk\r\n");
        Files.writeString(broken.resolve("orgs.csv"), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
            + "sch-141,active,,Birch Lane Primary,school,,\r\n");
        Files.move(broken, INBOX.resolve("birch-lane-sims"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
            assertThat(fixture.standIn().deliveries().received(adminsPhone)).isEqualTo(1));
        assertThat(fixture.standIn().deliveries().lastPush(adminsPhone).title()).isEqualTo("Roster import failed: birch-lane-sims");
        assertThat(fixture.standIn().deliveries().lastPush(adminsPhone).body()).contains("Nothing from birch-lane-sims was imported");
        assertThat(fixture.standIn().deliveries().received(teachersPhone)).as("a teacher's phone").isZero();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("roster-inbox-notice-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
