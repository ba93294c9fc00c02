package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.FanOutFixture;
import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.internal.devices.Preferences;
import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.notifications.standin.Deliveries;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationsTest
class OutcomeUpdateReachesOnlyThoseWhoTookPartTests {

    @Autowired
    WebTestClient web;
    @Autowired
    FanOutFixture fixture;
    @Autowired
    Recipients recipients;

    private final java.util.List<String[]> registered = new java.util.ArrayList<>();

    /** The phones go again: the notification tests share this context and count every device of their audiences. */
    @org.junit.jupiter.api.AfterEach
    void signOutThePhones() {
        registered.forEach(phone -> recipients.removeDevice(phone[0], phone[1]).then(recipients.releaseToken(phone[2], phone[0])).block());
        registered.clear();
    }

    @Test
    void anActionUpdateReachesThePhoneOfTheCarerWhoTookPartAndNotTheTeacherWhoDidNot() {
        String carerPhone = phone("carer.demo");
        String teacherPhone = phone("teacher.oakfield");
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String taking = consultations.create("head.oakfield", draft("Oakfield library hours, again", "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS", "STAFF"), "IDEAS", ago(30)));
        fixture.awaitSent("consultation:" + taking + ":v1", 0, Duration.ofSeconds(60));
        consultations.proposed("carer.demo", taking, OLIVER, "Open on Saturdays");
        web.put().uri("/api/v1/consultations/{id}/outcome", taking).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("decision", "Open on Saturday mornings", "rationale", "The most supported idea")).exchange()
            .expectStatus().isOk();
        fixture.awaitSent("consultation-outcome:" + taking + ":v1", 0, Duration.ofSeconds(60));
        Deliveries deliveries = fixture.standIn().deliveries();
        assertThat(deliveries.received(teacherPhone)).as("the outcome goes to the whole audience").isGreaterThanOrEqualTo(1);

        long carerBefore = deliveries.received(carerPhone);
        long teacherBefore = deliveries.received(teacherPhone);
        Map<?, ?> view = web.post().uri("/api/v1/consultations/{id}/actions", taking).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("what", "Staff the library on Saturdays", "ownerName", "Mrs Patel", "status", "IN_PROGRESS", "progress", 10,
                "milestones", List.of(Map.of("what", "Rota agreed", "dueAt", ConsultationFixtures.in(60 * 24).toString()))))
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        String actionId = ((Map<?, ?>) ((List<?>) view.get("actions")).get(0)).get("id").toString();
        fixture.awaitSent("consultation-action:" + actionId + ":v1", 0, Duration.ofSeconds(60));

        assertThat(deliveries.received(carerPhone) - carerBefore).as("the carer who proposed an idea").isEqualTo(1);
        assertThat(deliveries.lastPush(carerPhone).body()).contains("Staff the library on Saturdays").contains("10% done");
        assertThat(deliveries.received(teacherPhone) - teacherBefore).as("the teacher who did not take part").isZero();
    }

    private String phone(String who) {
        String personId = web.get().uri("/api/v1/me").header("Authorization", Tokens.bearer(who)).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody().get("personId").toString();
        recipients.savePreferences(personId, Preferences.DEFAULTS).block();
        String token = "fcm-" + who.replace('.', '-') + "-consultations-" + System.nanoTime();
        web.put().uri("/api/v1/devices/" + who.replace('.', '-') + "-consultations-phone").header("Authorization", Tokens.bearer(who))
            .bodyValue(Map.of("token", token, "platform", "android", "appVersion", "2.1.0", "locale", "en-GB"))
            .exchange().expectStatus().isOk();
        registered.add(new String[] {personId, who.replace('.', '-') + "-consultations-phone", token});
        return token;
    }
}
