package app.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer given an account finds Keycloak's email in their inbox asking them to set their password: the test realm's
 * SMTP server is an in-process GreenMail, so the mail Keycloak really sends is read back.
 */
@ApiTest
@TestPropertySource(properties = {
    "chorus.identity.provisioning.enabled=true",
    "chorus.identity.provisioning.realm=" + TestRealm.PROPERTY_VALUE,
    // a context of its own (the other accounts tests' provisioner holds a token of their realm, deleted since)
    "chorus.identity.provisioning.batch-size=100"
})
class CarerIsInvitedByEmailToSetTheirPasswordTests {

    private static GreenMail mail;

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void aRealmThatSendsMail() {
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        TestRealm.create(Map.of("smtpServer", Map.of("host", "127.0.0.1", "port", String.valueOf(mail.getSmtp().getPort()),
            "from", "accounts@northern-lights.example", "fromDisplayName", "Northern Lights Learning Trust")));
    }

    @AfterAll
    static void realmRemoved() {
        TestRealm.delete();
        mail.stop();
    }

    @AfterEach
    void schoolTakenOutAgain() {
        SmallSchool.remove(web);
        sync();
    }

    @Test
    void aNewCarerIsEmailedALinkToSetTheirPasswordAndNotAgainOnTheNextRun() {
        SmallSchool.importWith(web, List.of(7));
        Map<String, Object> report = sync();

        MimeMessage invitation = await("Keycloak's invitation to " + SmallSchool.carerEmail(7)).atMost(Duration.ofSeconds(60))
            .until(() -> to(SmallSchool.carerEmail(7)), mails -> !mails.isEmpty()).get(0);
        assertThat(GreenMailUtil.getBody(invitation)).as("a link to Keycloak's set-password action")
            .contains("/realms/" + TestRealm.NAME + "/login-actions/action-token");
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(7))).containsEntry("enabled", true);
        assertThat(report).containsEntry("emailConfigured", true);

        sync();
        assertThat(to(SmallSchool.carerEmail(7))).as("an existing account is not invited again").hasSize(1);
        assertThat(to("head.sch181@school.example")).as("staff are not invited").isEmpty();
    }

    private static List<MimeMessage> to(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
            try {
                return message.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The first run gives every demo carer an account and an email: slow on a busy machine. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> sync() {
        return web.mutate().responseTimeout(Duration.ofMinutes(5)).build().post().uri("/api/v1/directory/accounts/sync")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .exchange()
            .expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }
}
