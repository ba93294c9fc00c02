package app.chorus.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.TestClock;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Oakfield's head decided on pupils' ideas 400 days ago and yesterday; a pupil's words raised a safeguarding concern
 * 400 days ago. The purge deletes the idea removed 400 days ago, keeps the one approved then but forgets who decided
 * (it can still be reported), and keeps yesterday's decision and the concern as they were.
 */
@NotificationsTest
class SettledModerationRecordsArePurgedAndConcernsKeptLongerTests {

    @Autowired
    WebTestClient web;
    @Autowired
    Moderation moderation;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    TestClock.MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void decisionsOlderThanAYearGoAndTheConcernStays() {
        var scenario = new ModerationScenario(web, moderation);
        clock.moveTo(Instant.now().minus(Duration.ofDays(400)));
        Contribution removedLongAgo = decided(scenario, "REMOVED", "Names another pupil");
        Contribution approvedLongAgo = decided(scenario, "SHOWN", null);
        clock.reset();
        Contribution removedYesterday = decided(scenario, "REMOVED", "Off topic");
        String concern = "test-idea:" + UUID.randomUUID();
        mongo.insert(concernRaised(concern, Date.from(Instant.now().minus(Duration.ofDays(400)))), "moderation_items").block();

        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.purged.moderationDecisions").value(n ->
                assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(2));

        assertThat(item(removedLongAgo)).as("the idea removed 400 days ago").isNull();
        Document approved = item(approvedLongAgo);
        assertThat(approved.get("text")).as("its text").isNotNull();
        assertThat(approved.getList("decisions", Document.class)).as("who approved it and why").isEmpty();
        assertThat(moderation.report(approvedLongAgo.ref(), ModerationScenario.CARER, "unkind").block())
            .isEqualTo(Visibility.SHOWN);
        assertThat(item(removedYesterday).getList("decisions", Document.class)).hasSize(1);
        assertThat(mongo.findById(concern, Document.class, "moderation_items").block()).as("the concern").isNotNull();
    }

    private Contribution decided(ModerationScenario scenario, String visibility, String reason) {
        Contribution idea = scenario.written(ModerationScenario.PUPIL, true, "We could have a bigger bike shed " + UUID.randomUUID());
        scenario.submit(idea);
        scenario.decide("head.oakfield", idea, visibility, reason).expectStatus().isOk();
        return idea;
    }

    private Document item(Contribution contribution) {
        return mongo.findById(contribution.ref().key(), Document.class, "moderation_items").block();
    }

    /** A concern raised, told, acknowledged and closed long ago (so no follow-up pushes anything). */
    private static Document concernRaised(String key, Date at) {
        return new Document("_id", key).append("kind", "test-idea").append("itemId", key.substring(10))
            .append("title", "Playground ideas").append("text", "words of worry").append("schoolId", ModerationScenario.OAKFIELD)
            .append("safeguardingSchools", List.of(ModerationScenario.OAKFIELD)).append("authorPersonId", ModerationScenario.PUPIL)
            .append("byPupil", true).append("visibility", "HELD_FOR_SAFEGUARDING").append("queued", null)
            .append("reports", List.of()).append("decisions", List.of()).append("review", null)
            .append("concern", new Document("phrases", List.of("worry")).append("schoolIds", List.of(ModerationScenario.OAKFIELD))
                .append("raisedAt", at).append("notifiedAt", at).append("acknowledgedAt", at).append("acknowledgedBy", "stf-00004")
                .append("note", "spoken to").append("escalatedAt", null).append("escalationNotifiedAt", at))
            .append("submittedAt", at).append("version", 0L).append("decidedAt", null);
    }
}
