package app.chorus.surveys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Tally;
import app.chorus.testing.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** A cell counted before counters became one-level fields (ADR 0087) keeps its counts when new answers arrive. */
@ApiTest
class CellsWrittenWithNestedCountersStillAddUpTests {

    @Autowired
    Tallies tallies;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void nestedAndFlatCountersOfOneCellAreSummed() {
        String surveyId = "srv-nested-" + UUID.randomUUID();
        Cell cell = new Cell("sch-001", "R", AudienceRole.CARERS);
        Document before = new Document("_id", cell.id(surveyId)).append("surveyId", surveyId)
            .append("school", "sch-001").append("year", "R").append("role", AudienceRole.CARERS.key())
            .append("c", new Document("n", 2L).append("q", new Document("happy", new Document("n", 2L)
                .append("v", new Document("5", 2L)))));
        mongo.insert(before, Tallies.COLLECTION).block();

        tallies.apply(surveyId, cell, UUID.randomUUID().toString(),
            new Tally(Map.of("n", 1L, "q.happy.n", 1L, "q.happy.v.4", 1L))).block();

        Tally stored = tallies.cells(surveyId).single().block().tally();
        assertThat(stored.counters()).containsExactlyInAnyOrderEntriesOf(
            Map.of("n", 3L, "q.happy.n", 3L, "q.happy.v.5", 2L, "q.happy.v.4", 1L));
        Tally school = tallies.sums(surveyId, Cell::school).block().get("sch-001");
        assertThat(school).isEqualTo(stored);
        assertThat(mongo.findById(cell.id(surveyId), Document.class, Tallies.COLLECTION).block())
            .as("new counts are one-level fields").containsEntry("c:q:happy:v:4", 1L);
    }
}
