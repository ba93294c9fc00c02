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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The privacy officer erases a carer: their named answers go, the survey's results stay exactly as they were. */
@ApiTest
class ErasedCarersNamedAnswersAreGoneWhileTotalsStayTests {

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
    void theResultsBeforeAndAfterAreEqualAndNoAnswerLinksToTheCarer() {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft("Named trip survey", Audience.trust(AudienceRole.CARERS), Anonymity.NAMED));
        List<Respondents.ChildUnit> all = new Respondents(audiences, directory).oneCarerPerChild();
        List<Respondents.ChildUnit> units = all.subList(all.size() - 6, all.size());
        units.forEach(unit -> responding.submit(unit.carerId(), id, unit.pupilId(), walkingAnswers(),
            UUID.randomUUID().toString()).block());
        String carer = units.get(0).carerId();
        Map<?, ?> before = results(id);
        assertThat(export(id)).contains(carer);

        erase("privacy.trust", carer).expectStatus().isOk().expectBody().jsonPath("$.personId").isEqualTo(carer);

        assertThat(results(id)).isEqualTo(before);
        assertThat(mongo.find(Query.query(Criteria.where("personId").is(carer)), Document.class, "survey_responses")
            .collectList().block()).isEmpty();
        assertThat(export(id)).doesNotContain(carer);
        web.get().uri("/api/v1/audit?kind=person-erased&actor=stf-00005&limit=200")
            .header("Authorization", Tokens.bearer("leader.trust")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.items[0].subject").isEqualTo("person");
    }

    @Test
    void anErasedCarersWrittenAnswerLeavesTheModerationQueueToo() {
        String id = SchoolSurveyScenario.open(new SurveyFixtures(web), "Named ideas survey", Anonymity.NAMED);
        List<Respondents.ChildUnit> all = new Respondents(audiences, directory).oneCarerPerChild();
        // an Oakfield family away from the end of the list (the other test erases one of the last six)
        List<Respondents.ChildUnit> oakfield = all.subList(0, all.size() - 6).stream()
            .filter(child -> "sch-001".equals(child.schoolId()) && !"car-000001".equals(child.carerId())).toList();
        Respondents.ChildUnit unit = oakfield.get(oakfield.size() - 1);
        Map<String, Object> answers = new java.util.HashMap<>(walkingAnswers());
        answers.put("ideas", "Please mark homework faster");
        String responseId = responding.submit(unit.carerId(), id, unit.pupilId(), answers, UUID.randomUUID().toString())
            .block().responseId();
        Query item = Query.query(Criteria.where("_id").is("survey-answer:" + responseId + ".ideas"));
        assertThat(mongo.count(item, "moderation_items").block()).as("queued while the carer is on the roll").isOne();

        erase("privacy.trust", unit.carerId()).expectStatus().isOk();

        assertThat(mongo.count(item, "moderation_items").block()).isZero();
    }

    @Test
    void anErasedCarersConfidentialAnswerNoLongerLeadsToThemWhileTheResultsStay() {
        String id = new SurveyFixtures(web).opened("leader.trust",
            draft("Confidential wellbeing survey", Audience.trust(AudienceRole.CARERS), Anonymity.CONFIDENTIAL));
        List<Respondents.ChildUnit> all = new Respondents(audiences, directory).oneCarerPerChild();
        // away from the families the other tests erase (the last six, and an Oakfield one)
        List<Respondents.ChildUnit> units = all.subList(all.size() - 30, all.size() - 6).stream()
            .filter(child -> !"sch-001".equals(child.schoolId())).limit(6).toList();
        List<String> responses = units.stream().map(unit -> responding.submit(unit.carerId(), id, unit.pupilId(),
            walkingAnswers(), UUID.randomUUID().toString()).block().responseId()).toList();
        String carer = units.get(0).carerId();
        identity(id, responses.get(0)).expectStatus().isOk().expectBody().jsonPath("$.personId").isEqualTo(carer);
        Map<?, ?> before = results(id);

        erase("privacy.trust", carer).expectStatus().isOk();

        assertThat(results(id)).isEqualTo(before);
        identity(id, responses.get(0)).expectStatus().isNotFound();
        int other = java.util.stream.IntStream.range(1, units.size()).filter(n -> !units.get(n).carerId().equals(carer))
            .findFirst().orElseThrow();
        identity(id, responses.get(other)).expectStatus().isOk().expectBody().jsonPath("$.personId")
            .isEqualTo(units.get(other).carerId());
    }

    private WebTestClient.ResponseSpec identity(String surveyId, String responseId) {
        return web.get().uri("/api/v1/surveys/{id}/responses/{rid}/identity", surveyId, responseId)
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange();
    }

    @Test
    void onlyThePrivacyOfficerErasesAndOnlyPeopleTheTrustKnows() {
        erase("leader.trust", "car-000002").expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith("application/problem+json");
        erase("carer.demo", "car-000002").expectStatus().isForbidden();
        erase("privacy.trust", "car-nobody-" + UUID.randomUUID()).expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec erase(String who, String personId) {
        return web.post().uri("/api/v1/people/{id}/erasure", personId).header("Authorization", Tokens.bearer(who)).exchange();
    }

    private Map<?, ?> results(String id) {
        return new SurveyFixtures(web).resultsMap("leader.trust", id, "school");
    }

    private String export(String id) {
        return new SurveyFixtures(web).exportCsv("leader.trust", id);
    }
}
