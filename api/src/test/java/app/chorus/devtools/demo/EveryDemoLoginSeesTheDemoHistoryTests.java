package app.chorus.devtools.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the demo history seeded (as {@code ./chorus up} does), each demo login signs in and finds real data in every
 * feature: announcements in the feed, surveys with results, consultations, decisions open and closed, and an opinion
 * map with groups. A second start adds nothing.
 */
@ApiTest
@TestPropertySource(properties = {"chorus.demo.seed-history=true", "chorus.demo.seed-consultations=true"})
class EveryDemoLoginSeesTheDemoHistoryTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final List<String> READERS = List.of("head.oakfield", "teacher.oakfield", "safeguarding.oakfield",
        "head.riverside", "carer.demo", "pupil.demo");

    @Autowired
    private WebTestClient web;

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private DemoHistory history;

    @Test
    void everyoneInAnAudienceFindsAnnouncementsAndTheCarerHasOneToAcknowledge() {
        READERS.forEach(login -> assertThat(items(login, "/api/v1/feed?limit=50")).as(login + "'s feed").isNotEmpty());

        List<Map<String, Object>> carers = items("carer.demo", "/api/v1/feed?limit=50");
        assertThat(carers).anySatisfy(item -> assertThat(item.get("openedAt")).isNotNull());
        assertThat(carers).anySatisfy(item -> {
            assertThat(item.get("requiresAcknowledgement")).isEqualTo(true);
            assertThat(item.get("acknowledgedAt")).isNull();
        });
    }

    @Test
    void surveysHaveEnoughAnswersForResultsAndOpenOnesWaitForTheDemoPeople() {
        List<Map<String, Object>> leaders = items("leader.trust", "/api/v1/surveys");
        assertThat(leaders).hasSizeGreaterThanOrEqualTo(2);
        leaders.forEach(survey -> assertThat(((Number) get("leader.trust", "/api/v1/surveys/" + survey.get("id") + "/results")
            .get("respondents")).longValue()).as("respondents to " + survey.get("title")).isGreaterThanOrEqualTo(5));
        assertThat(items("head.oakfield", "/api/v1/surveys")).isNotEmpty();
        assertThat(items("carer.demo", "/api/v1/surveys/waiting")).as("carer.demo's surveys to answer").isNotEmpty();
        assertThat(items("teacher.oakfield", "/api/v1/surveys/waiting")).as("the staff survey").isNotEmpty();
        assertThat(items("pupil.demo", "/api/v1/surveys/waiting")).as("the pupils' survey").isNotEmpty();
    }

    @Test
    void everyLoginFindsConsultations() {
        List.of("leader.trust", "head.oakfield", "teacher.oakfield", "head.riverside", "carer.demo", "pupil.demo")
            .forEach(login -> assertThat(items(login, "/api/v1/consultations")).as(login + "'s consultations").isNotEmpty());
    }

    @Test
    void aClosedRankedVoteHasItsResultAndOpenVotesAwaitCarersStaffAndPupils() {
        List<Map<String, Object>> trusts = items("leader.trust", "/api/v1/decisions");
        Map<String, Object> charity = trusts.stream().filter(decision -> "CLOSED".equals(decision.get("status"))).findFirst().orElseThrow();
        Map<String, Object> result = get("leader.trust", "/api/v1/decisions/" + charity.get("id") + "/results");
        assertThat(result.get("method")).isEqualTo("RANKED_IRV");
        assertThat(((Number) result.get("ballots")).longValue()).isGreaterThanOrEqualTo(30);
        assertThat(result.get("outcome")).isNotNull();
        assertThat(result.get("count")).as("the round-by-round count").isNotNull();

        List<Map<String, Object>> oakfields = items("head.oakfield", "/api/v1/decisions");
        assertThat(oakfields).filteredOn(decision -> "OPEN".equals(decision.get("status"))).hasSizeGreaterThanOrEqualTo(2);
        oakfields.forEach(decision -> {
            String voter = ((Map<?, ?>) decision.get("audience")).get("roles").toString().contains("PUPILS") ? "pupil.demo" : "carer.demo";
            assertThat(get(voter, "/api/v1/decisions/" + decision.get("id")).get("units")).as(voter + " may vote").asList().isNotEmpty();
        });
    }

    @Test
    void theOpinionMapShowsTwoGroupsToCarersStaffAndPupils() {
        String conversation = mongo.findOne(new Query(), Document.class, "opinion_conversations").block().getString("_id");
        for (String login : List.of("carer.demo", "teacher.oakfield", "pupil.demo", "leader.trust")) {
            Map<String, Object> map = mapWithGroups(login, conversation);
            assertThat((List<?>) map.get("groups")).as(login + "'s opinion map").hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void aSecondStartAddsNothing() {
        Map<String, Long> before = counts();
        history.run(null);
        assertThat(counts()).isEqualTo(before);
    }

    private Map<String, Long> counts() {
        return Map.of("announcements", count("announcements"), "surveys", count("surveys"), "decisions", count("decisions"),
            "conversations", count("opinion_conversations"));
    }

    private long count(String collection) {
        return mongo.count(new Query(), collection).block();
    }

    /** The live map is computed about once a second: wait for it to place the votes. */
    private Map<String, Object> mapWithGroups(String login, String conversation) {
        String path = "/api/v1/opinions/conversations/" + conversation + "/map";
        return await().atMost(Duration.ofSeconds(60)).until(() -> get(login, path), map -> ((List<?>) map.get("groups")).size() >= 2);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String login, String path) {
        return (List<Map<String, Object>>) get(login, path).get("items");
    }

    private Map<String, Object> get(String login, String path) {
        return web.get().uri(path).header("Authorization", Tokens.bearer(login)).exchange().expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
    }
}
