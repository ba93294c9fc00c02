package app.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.announcements.Priority;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.internal.devices.Platform;
import app.chorus.notifications.standin.FcmStandIn;
import app.chorus.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * FCM is down for hours (every send answered 503). The api's clock is moved forward instead of sleeping: the pushes
 * of an announcement are retried for as long as they matter (24 hours by default) and arrive once each when FCM comes
 * back after three hours; past their expiry they are given up as expired, counted, and the leader sees it with the
 * announcement's reach (ADR 0343).
 */
@NotificationsTest
class CarersGetPushesThroughHoursOfFcmOutageTests {

    private static final Audience OAKFIELD_CARERS = Audience.schools(Set.of("sch-001"), AudienceRole.CARERS);
    private static final Duration STEP = Duration.ofMinutes(20);

    @Autowired
    FanOutFixture fixture;

    @Autowired
    Notifications notifications;

    @Autowired
    TestClock.MovableClock clock;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    private final Map<String, String> tokens = new LinkedHashMap<>();

    @AfterEach
    void fcmAndClockBack() {
        fixture.standIn().faults(FcmStandIn.Faults.NONE);
        clock.reset();
        tokens.keySet().forEach(fixture::noDevices);
    }

    @Test
    void afterThreeHoursOfOutageEveryCarerGetsTheAnnouncementOnce() {
        giveOakfieldCarersPhones("long-outage-phone");
        fixture.standIn().faults(new FcmStandIn.Faults(0, 1.0, 0, 1));
        String fanOutId = fixture.publish(FanOutFixture.announcement(OAKFIELD_CARERS, Priority.NORMAL, "sch-001"));
        long attempts = awaitAnotherAttempt(fanOutId, 0);

        for (Duration down = Duration.ZERO; down.compareTo(Duration.ofHours(3)) < 0; down = down.plus(STEP)) {
            clock.advance(STEP);
            attempts = awaitAnotherAttempt(fanOutId, attempts);
        }
        FanOutProgress stillDown = notifications.progress(fanOutId).block();
        assertThat(stillDown.accepted()).as("accepted while FCM is down").isZero();
        assertThat(stillDown.failed() + stillDown.expired()).as("given up after three hours").isZero();
        assertThat(stillDown.pending()).as("still queued after three hours").isEqualTo(stillDown.targets());

        fixture.standIn().faults(FcmStandIn.Faults.NONE);
        clock.advance(STEP);
        FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(60));

        assertThat(progress.failed() + progress.expired()).as("given up").isZero();
        tokens.values().forEach(token -> assertThat(fixture.standIn().deliveries().received(token))
            .as("pushes to %s", token).isEqualTo(1));
    }

    @Test
    void pushesStillUndeliveredWhenTheyExpireAreGivenUpAndTheLeaderSeesWhy() {
        giveOakfieldCarersPhones("expiring-phone");
        double expiredBefore = meters.counter("chorus.push.given.up", "reason", "expired").count();
        fixture.standIn().faults(new FcmStandIn.Faults(0, 1.0, 0, 1));
        String announcementId = publishToOakfieldCarers();
        String fanOutId = "announcement:" + announcementId + ":v1";
        awaitAnotherAttempt(fanOutId, 0);

        clock.advance(Duration.ofHours(25));
        FanOutProgress progress = fixture.awaitSent(fanOutId, 0, Duration.ofSeconds(60));
        clock.reset();

        assertThat(progress.accepted()).as("accepted").isZero();
        assertThat(progress.failed()).as("refused by FCM").isZero();
        assertThat(progress.expired()).as("expired").isEqualTo(progress.targets()).isGreaterThanOrEqualTo(tokens.size());
        tokens.values().forEach(token -> assertThat(fixture.standIn().deliveries().received(token))
            .as("pushes to %s", token).isZero());
        // The batch's outcome is stored first; the metric and the leader's report follow it on the worker's thread.
        await("the metric and the head teacher's report").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.counter("chorus.push.given.up", "reason", "expired").count() - expiredBefore)
                .as("pushes given up as expired, in the metrics").isEqualTo(progress.expired());
            assertThat(givenUpAsTheHeadTeacherSeesThem(announcementId)).as("pushes given up, as the head teacher sees them")
                .isEqualTo((int) progress.expired());
        });
    }

    private Object givenUpAsTheHeadTeacherSeesThem(String announcementId) {
        Map<?, ?> reach = web.get().uri("/api/v1/announcements/" + announcementId + "/reach")
            .header("Authorization", Tokens.bearer("head.oakfield")).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return reach.get("pushesGivenUp") instanceof Map<?, ?> givenUp ? givenUp.get("expired") : null;
    }

    private void giveOakfieldCarersPhones(String device) {
        for (AudienceMember member : fixture.membersOf(OAKFIELD_CARERS)) {
            tokens.put(member.personId(), fixture.device(member.personId(), device, Platform.ANDROID));
        }
        assertThat(tokens).as("Oakfield's carers").isNotEmpty();
    }

    /** Waits until the fan-out's batches were tried (and the outcome stored) more than {@code before} times in all. */
    private long awaitAnotherAttempt(String fanOutId, long before) {
        return await("another attempt at " + fanOutId).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
            .until(() -> attempts(fanOutId), attempts -> attempts > before);
    }

    private long attempts(String fanOutId) {
        List<Document> batches = mongo.find(Query.query(Criteria.where("fanOutId").is(fanOutId)), Document.class,
            "notification_batches").collectList().block();
        return batches.stream().mapToLong(batch -> batch.getInteger("attempts", 0)).sum();
    }

    private String publishToOakfieldCarers() {
        String bearer = Tokens.bearer("head.oakfield");
        Map<String, Object> post = Map.of("schoolId", "sch-001", "priority", "NORMAL",
            "audience", Map.of("scope", "SCHOOLS", "ids", List.of("sch-001"), "roles", List.of("CARERS")),
            "translations", Map.of("en", Map.of("title", "Trip tomorrow " + System.nanoTime(), "body", "Packed lunch.")));
        String id = (String) web.post().uri("/api/v1/announcements").header("Authorization", bearer).bodyValue(post).exchange()
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        web.post().uri("/api/v1/announcements/" + id + "/submit").header("Authorization", bearer).exchange().expectStatus().isOk();
        return id;
    }
}
