package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.approving;
import static app.chorus.decisions.DecisionFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class QuorumNotMetTests extends DecisionTestBase {

    @Autowired
    DecisionResults decisionResults;

    @Test
    void tooFewBallotsAndTheDecisionDoesNotStandThoughAnOptionLeads() {
        Map<String, Object> body = DecisionFixtures.with(DecisionFixtures.oakfield("APPROVAL", "NAMED"), "quorum", 0.5);
        String id = decisions.create("head.oakfield", body);
        List<DecisionFixtures.Family> families = decisions.families("sch-001");
        assertThat(families.size()).as("Oakfield has many more children than ballots here").isGreaterThan(14);
        families.subList(0, 5).forEach(family -> decisions.castFor(family, id, approving("a", "b")));
        decisions.castFor(families.get(5), id, approving());

        decisions.close("head.oakfield", id);

        Map<String, Object> results = decisions.results("head.oakfield", id, null);
        assertThat(at(results, "outcome", "stands")).isEqualTo(false);
        assertThat(at(results, "outcome", "ballots")).isEqualTo(6);
        assertThat(at(results, "outcome", "leaders")).isEqualTo(List.of("a", "b"));
        assertThat(at(results, "outcome", "explanation").toString()).contains("(1 approving nothing)")
            .contains("The quorum of 50% was not met").contains("so the decision does not stand");
        assertThat(at(results, "count", "abstentions")).as("an abstention counts as cast").isEqualTo(1);

        DecisionOutcome outcome = decisionResults.outcome(id).block();
        assertThat(outcome.stands()).as("what a consultation's outcome shows").isFalse();
        assertThat(outcome.explanation()).isEqualTo(at(results, "outcome", "explanation"));
        assertThat(mongo.findById(id, Document.class, "decisions").block().get("closingAnnouncedAt"))
            .as("DecisionClosed was published and every listener confirmed it").isNotNull();
    }
}
