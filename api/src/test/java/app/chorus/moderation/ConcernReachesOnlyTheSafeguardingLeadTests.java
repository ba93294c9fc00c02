package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.notifications.FanOutFixture;
import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.TestClock;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@NotificationsTest
class ConcernReachesOnlyTheSafeguardingLeadTests {

    @Autowired
    WebTestClient web;

    @Autowired
    Moderation moderation;

    @Autowired
    FanOutFixture fixture;

    @Autowired
    TestClock.MovableClock clock;

    @Autowired
    app.chorus.notifications.internal.devices.Recipients recipients;

    @AfterEach
    void putTheClockBackAndThePhonesAway() {
        clock.reset();
        // the notification tests share this context and count every device of their audiences
        for (String[] phone : new String[][] {{"stf-00004", "lead-phone"}, {"stf-00002", "head-phone"}, {"stf-00001", "trust-phone"}}) {
            recipients.removeDevice(phone[0], phone[1])
                .then(recipients.releaseToken(FanOutFixture.tokenOf(phone[0], phone[1]), phone[0])).block();
        }
    }

    @Test
    void aPupilsWordsOfSelfHarmGoToOakfieldsSafeguardingLeadAndNobodyElse() {
        var scenario = new ModerationScenario(web, moderation);
        String leadsPhone = fixture.device("stf-00004", "lead-phone", Platform.ANDROID);
        String headsPhone = fixture.device("stf-00002", "head-phone", Platform.ANDROID);
        name("head.oakfield", "sch-001", List.of("stf-00004")).expectStatus().isOk();

        Contribution worrying = scenario.written(ModerationScenario.PUPIL, true, "Sometimes I want to HURT myself, honestly.");
        assertThat(scenario.submit(worrying)).isEqualTo(Visibility.HELD_FOR_SAFEGUARDING);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(fixture.standIn().deliveries().received(leadsPhone)).isEqualTo(1));
        assertThat(fixture.standIn().deliveries().lastPush(leadsPhone).body()).doesNotContain("hurt");
        assertThat(fixture.standIn().deliveries().received(headsPhone)).as("the head's phone").isZero();
        assertThat(scenario.inQueue("head.oakfield", worrying)).as("not in the moderators' queue").isFalse();
        scenario.decide("head.oakfield", worrying, "SHOWN", null).expectStatus().isNotFound();
        web.get().uri("/api/v1/safeguarding/concerns").header("Authorization", Tokens.bearer("teacher.oakfield"))
            .exchange().expectStatus().isForbidden();

        assertThat(scenario.page("safeguarding.oakfield", "/api/v1/safeguarding/concerns?limit=100"))
            .filteredOn("id", worrying.ref().id()).singleElement()
            .satisfies(concern -> assertThat(concern).containsEntry("text", worrying.text())
                .containsEntry("phrases", List.of("hurt myself")).containsEntry("acknowledgedAt", null));
        web.post().uri("/api/v1/safeguarding/concerns/{k}/{id}/acknowledgement", "test-idea", worrying.ref().id())
            .header("Authorization", Tokens.bearer("safeguarding.oakfield")).bodyValue(Map.of("note", "Spoke to the pupil today"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.acknowledgedBy").isEqualTo("stf-00004");
        assertThat(scenario.visibility(worrying)).as("never published automatically").isEqualTo(Visibility.HELD_FOR_SAFEGUARDING);
    }

    @Test
    void aConcernNobodyAcknowledgesEscalatesToTheTrustsSafeguardingLeadOnce() {
        var scenario = new ModerationScenario(web, moderation);
        String trustPhone = fixture.device("stf-00001", "trust-phone", Platform.IOS);
        name("leader.trust", "trust", List.of("stf-00001")).expectStatus().isOk();
        name("head.riverside", "trust", List.of("stf-00006")).expectStatus().isForbidden();
        int before = fixture.standIn().deliveries().received(trustPhone);

        Contribution worrying = scenario.written(ModerationScenario.CARER, false, "My neighbour's child is being bullied every day");
        assertThat(scenario.submit(worrying)).isEqualTo(Visibility.HELD_FOR_SAFEGUARDING);
        clock.advance(Duration.ofHours(3));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(fixture.standIn().deliveries().received(trustPhone)).isGreaterThan(before));
        assertThat(scenario.page("leader.trust", "/api/v1/safeguarding/concerns?escalated=true&limit=100"))
            .filteredOn("id", worrying.ref().id()).singleElement()
            .satisfies(concern -> assertThat(concern.get("escalatedAt")).isNotNull());
        web.get().uri("/api/v1/safeguarding/concerns?escalated=true").header("Authorization", Tokens.bearer("safeguarding.oakfield"))
            .exchange().expectStatus().isForbidden();
        int afterEscalation = fixture.standIn().deliveries().received(trustPhone);
        clock.advance(Duration.ofHours(3));
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10))
            .until(() -> fixture.standIn().deliveries().received(trustPhone) == afterEscalation);
    }

    private WebTestClient.ResponseSpec name(String who, String school, List<String> personIds) {
        return web.put().uri("/api/v1/safeguarding/contacts/{school}", school).header("Authorization", Tokens.bearer(who))
            .bodyValue(Map.of("personIds", personIds)).exchange();
    }
}
