package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.FanOutFixture;
import app.chorus.notifications.Notifications;
import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.TestClock;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.surveys.Anonymity;
import app.chorus.surveys.SurveyFixturesAccess;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Oakfield has heard from none of its families three days before a trust survey with a 90% goal closes: its head
 * finds one push on their phone naming the school, the figures and the goal, however often the sweep runs that day
 * and after a restart that had claimed the next day's alert without sending it; a class teacher hears nothing.
 */
@NotificationsTest
class SchoolLeaderIsToldOnceADayThatTheSchoolIsBelowTheGoalTests {

    private static final String HEAD = "stf-00002";
    private static final String TEACHER = "stf-00003";

    @Autowired
    WebTestClient web;
    @Autowired
    FanOutFixture fixture;
    @Autowired
    GoalAlerts alerts;
    @Autowired
    TestClock.MovableClock clock;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    Notifications notifications;

    @AfterEach
    void putBack() {
        clock.reset();
        fixture.noDevices(HEAD);
        fixture.noDevices(TEACHER);
    }

    @Test
    void theHeadHearsOnceADayWithTheFiguresAndATeacherHearsNothing() {
        String headsPhone = fixture.device(HEAD, "head-phone", Platform.ANDROID);
        String teachersPhone = fixture.device(TEACHER, "teacher-phone", Platform.ANDROID);
        String surveyId = openedWithGoal("Homework club " + UUID.randomUUID(), 90);

        alerts.sweep().block();
        alerts.sweep().block();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
            assertThat(fixture.standIn().deliveries().received(headsPhone, surveyId)).isEqualTo(1));
        assertThat(fixture.standIn().deliveries().lastPush(headsPhone).title()).startsWith("Below the response goal: Homework club");
        assertThat(fixture.standIn().deliveries().lastPush(headsPhone).body()).startsWith("Oakfield").contains("the goal").contains("90%");

        String today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(notifications
            .progress(GoalAlerts.SOURCE + ":" + surveyId + ".sch-001." + today + ":v1").block().state())
            .as("today's alert is finished before the clock moves on").isEqualTo("DONE"));
        clock.advance(Duration.ofDays(1));
        String tomorrow = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London")).toString();
        mongo.insert(new Document("_id", surveyId + ".sch-001." + tomorrow).append("surveyId", surveyId)
            .append("schoolId", "sch-001").append("day", tomorrow), GoalAlerts.COLLECTION).block();
        alerts.sweep().block();
        alerts.sweep().block();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fixture.standIn().deliveries().received(headsPhone, surveyId))
            .as("the claim a stopped sweep left unsent is sent, once, the next day").isEqualTo(2));
        assertThat(mongo.findById(surveyId + ".sch-001." + tomorrow, Document.class, GoalAlerts.COLLECTION).block().get("sentAt"))
            .isNotNull();
        assertThat(fixture.standIn().deliveries().received(teachersPhone, surveyId)).as("a class teacher's phone").isZero();
    }

    private String openedWithGoal(String title, int goal) {
        SurveyDraft draft = new SurveyDraft(title, "We read every answer.", Audience.schools(Set.of("sch-001"), AudienceRole.CARERS),
            Anonymity.ANONYMOUS, false, null, Instant.now().plus(Duration.ofDays(3)), SurveyFixturesAccess.questionnaire());
        String id = web.post().uri("/api/v1/surveys").header("Authorization", Tokens.bearer("leader.trust")).bodyValue(draft)
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        web.post().uri("/api/v1/surveys/{id}/open", id).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk();
        web.put().uri("/api/v1/surveys/{id}/goal", id).header("Authorization", Tokens.bearer("leader.trust"))
            .bodyValue(Map.of("responseRate", goal)).exchange().expectStatus().isOk();
        return id;
    }
}
