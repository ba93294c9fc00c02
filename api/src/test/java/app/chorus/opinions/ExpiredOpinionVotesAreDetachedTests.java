package app.chorus.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.identity.CurrentUser;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A conversation started longer ago than the schedule keeps votes: the purge leaves no vote, seat or statement naming a
 * pupil, and the leader's report counts the same votes and participants as before.
 */
@ApiTest
class ExpiredOpinionVotesAreDetachedTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void noVoteNamesAPupilAfterThePurgeAndTheReportIsUnchanged() {
        var scenario = OpinionScenario.of(context);
        String conversation = scenario.open("Longer playtime", false);
        String statement = scenario.seed(conversation, "Playtime should be twenty minutes longer");
        for (int n = 60; n < 66; n++) {
            scenario.vote(OpinionScenario.pupil(n), conversation, statement, n % 2 == 0 ? "AGREE" : "DISAGREE")
                .expectStatus().isOk();
        }
        CurrentUser writer = OpinionScenario.pupil(60);
        scenario.write(writer, conversation, "Lunch should be longer too").expectStatus().isCreated();
        Map<?, ?> participation = await("six participants in the report").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200)).until(() -> participation(scenario, conversation),
                report -> ((Number) report.get("participants")).intValue() == 6);

        mongo.updateFirst(Query.query(Criteria.where("_id").is(conversation)),
            Update.update("createdAt", Date.from(Instant.now().minus(400, ChronoUnit.DAYS))), "opinion_conversations").block();
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.purged.opinionVotes").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(6));

        for (String collection : new String[] {"opinion_votes", "opinion_participants", "opinion_statements"}) {
            assertThat(mongo.find(Query.query(Criteria.where("conversationId").is(conversation)), Document.class, collection)
                .map(Document::toJson).collectList().block()).as(collection).isNotEmpty()
                .noneMatch(stored -> stored.contains("pup-0000"));
        }
        assertThat(mongo.count(Query.query(Criteria.where("conversationId").is(conversation)), "opinion_votes").block())
            .isEqualTo(6);
        assertThat(participation(scenario, conversation)).isEqualTo(participation);
    }

    private static Map<?, ?> participation(OpinionScenario scenario, String conversation) {
        Map<?, ?> report = scenario.as(OpinionScenario.LEADER).get().uri(OpinionScenario.BASE + "/{id}/report", conversation)
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (Map<?, ?>) report.get("participation");
    }
}
