package app.chorus.surveys;

import static app.chorus.surveys.SurveyFixtures.draft;
import static app.chorus.surveys.SurveyFixtures.walkingAnswers;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.surveys.internal.SurveyResponding;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A survey closed longer ago than the schedule keeps answers: the purge deletes its answers and keeps its results; a
 * survey closed recently keeps everything.
 */
@ApiTest
class ExpiredSurveyResponsesArePurgedTests {

    @Autowired
    WebTestClient web;
    @Autowired
    SurveyResponding responding;
    @Autowired
    AudienceResolver audiences;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void answersPastRetentionAreGoneWhileTheResultsStayTheSame() {
        List<Respondents.ChildUnit> all = new Respondents(audiences, directory).oneCarerPerChild();
        String old = answeredAndClosed("Sports day 2024", all.subList(all.size() - 12, all.size() - 6));
        String recent = answeredAndClosed("Sports day this year", all.subList(all.size() - 6, all.size()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(old)),
            Update.update("closedAt", Date.from(Instant.now().minus(400, ChronoUnit.DAYS))), "surveys").block();
        Map<?, ?> before = results(old);
        assertThat(answersOf(old)).isEqualTo(6);

        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.finishedAt").exists()
            .jsonPath("$.purged.surveyResponses").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(6));

        assertThat(answersOf(old)).isZero();
        assertThat(results(old)).isEqualTo(before);
        assertThat(new SurveyFixtures(web).exportCsv("leader.trust", old).lines()).hasSize(1);
        assertThat(answersOf(recent)).isEqualTo(6);
        web.get().uri("/api/v1/audit?kind=retention-purged&limit=1").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.items[0].reason").value(reason -> assertThat((String) reason).contains("surveyResponses="));
    }

    @Test
    void onlyThePrivacyOfficerOrTheTrustAdminStartsAPurge() {
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("head.oakfield")).exchange()
            .expectStatus().isForbidden().expectHeader().contentTypeCompatibleWith("application/problem+json");
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("carer.demo")).exchange()
            .expectStatus().isForbidden();
    }

    private String answeredAndClosed(String title, List<Respondents.ChildUnit> units) {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft(title, Audience.trust(AudienceRole.CARERS), Anonymity.NAMED));
        units.forEach(unit -> responding.submit(unit.carerId(), id, unit.pupilId(), walkingAnswers(),
            UUID.randomUUID().toString()).block());
        web.post().uri("/api/v1/surveys/{id}/close", id).header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isOk();
        return id;
    }

    private long answersOf(String surveyId) {
        return mongo.count(Query.query(Criteria.where("surveyId").is(surveyId)), Document.class, "survey_responses").block();
    }

    private Map<?, ?> results(String id) {
        return new SurveyFixtures(web).resultsMap("leader.trust", id, "school");
    }
}
