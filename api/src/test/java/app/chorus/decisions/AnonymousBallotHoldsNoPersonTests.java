package app.chorus.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

@ApiTest
class AnonymousBallotHoldsNoPersonTests extends DecisionTestBase {

    @Test
    void theStoredBallotHoldsOnlyItsChoiceCellAndDayAndARetryIsNotASecondBallot() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("RANKED_IRV", "ANONYMOUS"));
        decisions.cast("carer.demo", id, Map.of("ranking", List.of("b", "c")), "retry-me").expectStatus().isCreated()
            .expectBody().jsonPath("$.castAt").doesNotExist();
        decisions.cast("carer.demo", id, Map.of("ranking", List.of("b", "c")), "retry-me").expectStatus().isOk()
            .expectBody().jsonPath("$.replayed").isEqualTo(true);

        List<Document> ballots = mongo.find(Query.query(Criteria.where("decisionId").is(id)), Document.class, "decision_ballots")
            .collectList().block();
        assertThat(ballots).singleElement().satisfies(ballot -> {
            assertThat(ballot.keySet()).containsExactlyInAnyOrder("_id", "decisionId", "cell", "choice", "castOn");
            assertThat(ballot.toJson()).doesNotContain(DecisionFixtures.OLIVER).doesNotContain("car-");
            assertThat(ballot.getString("castOn")).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        List<Document> marks = mongo.find(Query.query(Criteria.where("decisionId").is(id)), Document.class, "decision_marks")
            .collectList().block();
        assertThat(marks).singleElement().satisfies(mark -> {
            assertThat(mark.keySet()).containsExactlyInAnyOrder("_id", "decisionId", "key");
            assertThat(mark.toJson()).doesNotContain(ballots.get(0).getString("_id")).doesNotContain(DecisionFixtures.OLIVER);
        });
        assertThat(stored("decision_voters", id)).isZero();
    }
}
