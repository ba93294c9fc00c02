package app.chorus.surveys;

import app.chorus.directory.Audience;
import app.chorus.questionnaires.Option;
import app.chorus.questionnaires.Question;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.questionnaires.Section;
import app.chorus.surveys.internal.SurveyDraft;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Surveys made and answered over HTTP with real tokens, as their owners and respondents would. */
final class SurveyFixtures {

    private final WebTestClient web;

    SurveyFixtures(WebTestClient web) {
        this.web = web;
    }

    /** A parent survey: Likert, choice with a follow-up shown only for "bus", picks, number, text, ranking, NPS. */
    static Questionnaire parentQuestionnaire() {
        return Questionnaire.of(
            Section.of("school", "Your child at school",
                Question.likert("happy", "My child is happy at school", true),
                Question.singleChoice("travel", "How does your child usually travel to school?", true,
                    new Option("bus", "Bus"), new Option("walk", "Walk"), new Option("car", "Car")),
                Question.rating("bus-safe", "How safe does the school bus feel?", true, false).shownWhen("travel", "bus"),
                Question.multipleChoice("clubs", "Which clubs would your child join?", false, 1, 2,
                    new Option("art", "Art"), new Option("chess", "Chess"), new Option("football", "Football"))),
            Section.of("more", "A little more",
                Question.number("minutes", "Minutes to get to school", false, 0, 120),
                Question.freeText("ideas", "One thing we could do better", false, 500),
                Question.ranking("priorities", "Rank what matters most", false,
                    new Option("food", "Food"), new Option("trips", "Trips"), new Option("homework", "Homework")),
                Question.rating("recommend", "How likely are you to recommend the school?", false, true)));
    }

    static Map<String, Object> walkingAnswers() {
        return Map.of("happy", 4, "travel", "walk", "clubs", java.util.List.of("art"), "minutes", 15,
            "priorities", java.util.List.of("trips", "food"), "recommend", 9);
    }

    static SurveyDraft draft(String title, Audience audience, Anonymity anonymity) {
        return new SurveyDraft(title, "We read every answer.", audience, anonymity, false, null,
            Instant.now().plus(7, ChronoUnit.DAYS), parentQuestionnaire());
    }

    /** Creates and opens a survey as {@code owner}; returns its id. */
    String opened(String owner, SurveyDraft draft) {
        String id = web.post().uri("/api/v1/surveys")
            .header("Authorization", Tokens.bearer(owner))
            .bodyValue(draft)
            .exchange()
            .expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        web.post().uri("/api/v1/surveys/{id}/open", id)
            .header("Authorization", Tokens.bearer(owner))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("OPEN");
        return id;
    }

    WebTestClient.ResponseSpec submit(String who, String surveyId, String unit, Map<String, Object> answers, String key) {
        WebTestClient.RequestBodySpec request = web.post().uri("/api/v1/surveys/{id}/responses/{unit}", surveyId, unit)
            .header("Authorization", Tokens.bearer(who));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.bodyValue(Map.of("answers", answers)).exchange();
    }

    WebTestClient.ResponseSpec submit(String who, String surveyId, String unit, Map<String, Object> answers) {
        return submit(who, surveyId, unit, answers, UUID.randomUUID().toString());
    }

    WebTestClient.BodyContentSpec results(String who, String surveyId, String by) {
        return web.get().uri(uri -> uri.path("/api/v1/surveys/{id}/results").queryParamIfPresent("by",
                java.util.Optional.ofNullable(by)).build(surveyId))
            .header("Authorization", Tokens.bearer(who))
            .exchange()
            .expectStatus().isOk()
            .expectBody();
    }

    /** The results as a leader reads them, as a map. */
    Map<?, ?> resultsMap(String who, String surveyId, String by) {
        return web.get().uri("/api/v1/surveys/{id}/results?by={by}", surveyId, by).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The survey's CSV export as {@code who} downloads it. */
    String exportCsv(String who, String surveyId) {
        return web.get().uri("/api/v1/surveys/{id}/export.csv", surveyId).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
