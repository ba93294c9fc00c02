package app.chorus.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A pupil's written survey answer goes through the trust's moderation queue before anyone else reads it. */
@ApiTest
class PupilSurveyAnswerWaitsForModerationTests {

    @Autowired
    WebTestClient web;

    @Test
    void aPupilsWrittenAnswerReachesTheResultsOnlyAfterAModeratorApprovesIt() {
        String idea = "A quiet room at lunch " + UUID.randomUUID();
        String id = pupilSurvey("Oakfield pupils: lunchtimes");
        String responseId = answer("pupil.demo", id, "self", idea);
        String item = responseId + ".ideas";

        assertThat(texts("head.oakfield", id)).as("the owner before approval").isEmpty();
        Map<?, ?> queued = queueEntry("head.oakfield", item);
        assertThat(queued.get("text")).isEqualTo(idea);
        assertThat(queued.get("byPupil")).isEqualTo(true);
        assertThat(queued.get("author").toString()).as("a confidential answer is not linked to the pupil").doesNotContain("Oliver");

        web.post().uri("/api/v1/moderation/items/survey-answer/{id}/decision", item).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("visibility", "SHOWN", "reason", "Kind and on topic")).exchange().expectStatus().isOk();

        assertThat(texts("head.oakfield", id)).extracting(text -> text.get("text")).containsExactly(idea);
        assertThat(texts("leader.trust", id)).as("others once the owner shows it too").isEmpty();
        web.put().uri("/api/v1/surveys/{id}/free-text/{rid}/ideas", id, responseId).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("state", "shown")).exchange().expectStatus().isOk();
        assertThat(texts("leader.trust", id)).extracting(text -> text.get("text")).containsExactly(idea);
    }

    @Test
    void aRemovedPupilAnswerNeverReachesTheResultsAndTheOwnerCannotShowIt() {
        String id = pupilSurvey("Oakfield pupils: homework");
        String responseId = answer("pupil.demo", id, "self", "Homework is pointless " + UUID.randomUUID());

        web.post().uri("/api/v1/moderation/items/survey-answer/{id}/decision", responseId + ".ideas")
            .header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("visibility", "REMOVED", "reason", "Names another pupil")).exchange().expectStatus().isOk();

        assertThat(texts("head.oakfield", id)).isEmpty();
        web.put().uri("/api/v1/surveys/{id}/free-text/{rid}/ideas", id, responseId).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("state", "shown")).exchange().expectStatus().isNotFound();
        assertThat(texts("leader.trust", id)).isEmpty();
    }

    @Test
    void aCarersAnswerWithAConcernPhraseGoesToTheSafeguardingLeadNotTheResults() {
        String worrying = "My son is bullied on the bus every day " + UUID.randomUUID();
        String id = SchoolSurveyScenario.open(new SurveyFixtures(web), "Carers: the school bus", Anonymity.NAMED);
        String responseId = answer("carer.demo", id, SchoolSurveyScenario.OLIVER, worrying);

        assertThat(texts("head.oakfield", id)).isEmpty();
        assertThat(new SurveyFixtures(web).exportCsv("head.oakfield", id)).as("the owner's export").contains(",car-000001,")
            .doesNotContain("bullied");
        assertThat(queue("head.oakfield")).as("not in the moderators' queue")
            .noneMatch(entry -> (responseId + ".ideas").equals(entry.get("id")));
        assertThat(page("safeguarding.oakfield", "/api/v1/safeguarding/concerns?limit=100"))
            .filteredOn("id", responseId + ".ideas").singleElement()
            .satisfies(concern -> assertThat(concern).containsEntry("text", worrying).containsEntry("kind", "survey-answer"));
    }

    private String pupilSurvey(String title) {
        return new SurveyFixtures(web).opened("head.oakfield",
            SurveyFixtures.draft(title, Audience.schools(Set.of("sch-001"), AudienceRole.PUPILS), Anonymity.CONFIDENTIAL));
    }

    private String answer(String who, String id, String unit, String text) {
        Map<String, Object> answers = new HashMap<>(SurveyFixtures.walkingAnswers());
        answers.put("ideas", text);
        return new SurveyFixtures(web).submit(who, id, unit, answers).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("responseId").toString();
    }

    private List<Map<String, Object>> texts(String who, String id) {
        return page(who, "/api/v1/surveys/" + id + "/free-text?question=ideas");
    }

    private Map<?, ?> queueEntry(String who, String itemId) {
        return queue(who).stream().filter(entry -> itemId.equals(entry.get("id"))).findFirst()
            .orElseThrow(() -> new AssertionError(itemId + " is not in " + who + "'s moderation queue"));
    }

    private List<Map<String, Object>> queue(String who) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<?, ?> page = body(who, "/api/v1/moderation/queue?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            all.addAll(items(page));
            cursor = (String) page.get("next");
        } while (cursor != null);
        return all;
    }

    private List<Map<String, Object>> page(String who, String uri) {
        return items(body(who, uri));
    }

    private Map<?, ?> body(String who, String uri) {
        return web.get().uri(uri).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<?, ?> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
