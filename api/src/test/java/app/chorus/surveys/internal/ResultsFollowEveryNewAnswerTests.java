package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Tally;
import app.chorus.testing.ApiTest;
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

/**
 * A results read fetches only the cells whose version moved since this instance last read them (ADR 0093): an
 * owner reading again after more answers, here or counted by another instance, sees every one of them.
 */
@ApiTest
class ResultsFollowEveryNewAnswerTests {

    @Autowired
    Tallies tallies;
    @Autowired
    ReactiveMongoTemplate mongo;

    private final String surveyId = "srv-follow-" + UUID.randomUUID();
    private final Cell oakfieldYear3 = new Cell("sch-001", "Y3", AudienceRole.CARERS);
    private final Cell oakfieldYear4 = new Cell("sch-001", "Y4", AudienceRole.CARERS);
    private final Cell riverside = new Cell("sch-002", "Y3", AudienceRole.CARERS);

    @Test
    void anOwnerReadingAgainSeesTheAnswersCountedSinceTheLastRead() {
        answer(oakfieldYear3, "5");
        answer(riverside, "2");
        Map<String, Tally> first = tallies.sums(surveyId, Cell::school).block();
        assertThat(first.get("sch-001").counters()).containsEntry("n", 1L).containsEntry("q.happy.v.5", 1L);
        assertThat(first.get("sch-002").counters()).containsEntry("n", 1L).containsEntry("q.happy.v.2", 1L);

        answer(oakfieldYear3, "4");
        answer(oakfieldYear4, "5");
        Map<String, Tally> second = tallies.sums(surveyId, Cell::school).block();

        assertThat(second.get("sch-001").counters()).containsEntry("n", 3L).containsEntry("q.happy.v.5", 2L)
            .containsEntry("q.happy.v.4", 1L);
        assertThat(second.get("sch-002")).isEqualTo(first.get("sch-002"));
        assertThat(tallies.sums(surveyId, Cell::school).block()).as("a read with nothing new").isEqualTo(second);
        assertThat(second).isEqualTo(tallies.sumsOfAll(surveyId, Cell::school).block());
    }

    @Test
    void answersCountedByAnotherInstanceShowOnTheNextRead() {
        answer(riverside, "3");
        assertThat(tallies.sums(surveyId, Cell::school).block().get("sch-002").respondents()).isEqualTo(1L);

        // another api instance counts an answer in the same cell: the same versioned $inc, not through this one
        mongo.updateFirst(Query.query(Criteria.where("_id").is(riverside.id(surveyId))),
            new Update().inc("c:n", 1L).inc("c:q:happy:n", 1L).inc("c:q:happy:v:1", 1L).inc(Tallies.VERSION, 1L),
            Tallies.COLLECTION).block();

        Tally riversideNow = tallies.sums(surveyId, Cell::school).block().get("sch-002");
        assertThat(riversideNow.counters()).containsEntry("n", 2L).containsEntry("q.happy.v.1", 1L)
            .containsEntry("q.happy.v.3", 1L);
    }

    @Test
    void anOwnerReadingAQuietSurveyAgainGetsTheSameSumsUntilAnyInstanceCountsAnotherAnswer() {
        answer(oakfieldYear3, "5");
        answer(riverside, "2");
        Map<String, Tally> first = tallies.sums(surveyId, "SCHOOL", Cell::school).block();
        assertThat(tallies.sums(surveyId, "SCHOOL", Cell::school).block()).as("nothing moved: not summed again").isSameAs(first);
        assertThat(tallies.sums(surveyId, "YEAR", Cell::year).block().keySet()).as("another grouping").containsOnly("Y3");

        mongo.updateFirst(Query.query(Criteria.where("_id").is(riverside.id(surveyId))),
            new Update().inc("c:n", 1L).inc("c:q:happy:n", 1L).inc("c:q:happy:v:1", 1L).inc(Tallies.VERSION, 1L),
            Tallies.COLLECTION).block();
        Map<String, Tally> afterOther = tallies.sums(surveyId, "SCHOOL", Cell::school).block();
        assertThat(afterOther.get("sch-002").counters()).containsEntry("n", 2L).containsEntry("q.happy.v.1", 1L);
        assertThat(afterOther.get("sch-001")).as("a school whose cells did not move keeps its tally").isSameAs(first.get("sch-001"));

        answer(oakfieldYear4, "4");
        assertThat(tallies.sums(surveyId, "SCHOOL", Cell::school).block().get("sch-001").respondents())
            .as("a new cell").isEqualTo(2L);
        assertThat(tallies.sums(surveyId, "SCHOOL", Cell::school).block())
            .isEqualTo(tallies.sumsOfAll(surveyId, Cell::school).block());
    }

    @Test
    void readsBetweenAnswersSpreadOverSchoolsAndYearsAlwaysEqualAFullRead() {
        List<Cell> cells = List.of(oakfieldYear3, oakfieldYear4, riverside, new Cell("sch-002", "Y5", AudienceRole.CARERS),
            new Cell("sch-003", "Y3", AudienceRole.CARERS));
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40; i++) {
            answer(cells.get(random.nextInt(cells.size())), String.valueOf(1 + random.nextInt(5)));
            if (i % 3 == 0) {
                answer(cells.get(random.nextInt(cells.size())), String.valueOf(1 + random.nextInt(5)));
            }
            assertThat(tallies.sums(surveyId, "SCHOOL", Cell::school).block()).as("by school after answer %d", i)
                .isEqualTo(tallies.sumsOfAll(surveyId, Cell::school).block());
            assertThat(tallies.sums(surveyId, "YEAR", Cell::year).block()).as("by year after answer %d", i)
                .isEqualTo(tallies.sumsOfAll(surveyId, Cell::year).block());
        }
    }

    @Test
    void aCellWrittenBeforeVersionsIsReadInFullEveryTime() {
        answer(oakfieldYear3, "5");
        Document unversioned = new Document("_id", riverside.id(surveyId)).append("surveyId", surveyId)
            .append("school", "sch-002").append("year", "Y3").append("role", AudienceRole.CARERS.key())
            .append("c:n", 4L).append("c:q:happy:n", 4L).append("c:q:happy:v:2", 4L);
        mongo.insert(unversioned, Tallies.COLLECTION).block();

        Map<String, Tally> sums = tallies.sums(surveyId, Cell::school).block();

        assertThat(sums.get("sch-002").respondents()).isEqualTo(4L);
        assertThat(sums.get("sch-001").respondents()).isEqualTo(1L);
    }

    private void answer(Cell cell, String happiness) {
        tallies.apply(surveyId, cell, UUID.randomUUID().toString(),
            new Tally(Map.of("n", 1L, "q.happy.n", 1L, "q.happy.v." + happiness, 1L))).block();
    }
}
