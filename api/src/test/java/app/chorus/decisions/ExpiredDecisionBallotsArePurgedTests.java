package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.approving;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** A decision closed longer ago than the schedule keeps ballots: its ballots go, its results read exactly the same. */
@ApiTest
class ExpiredDecisionBallotsArePurgedTests extends DecisionTestBase {

    @Test
    void theBallotsAreGoneAndTheResultsStay() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "NAMED"));
        List<DecisionFixtures.Family> families = decisions.families("sch-001");
        families.subList(20, 26).forEach(family -> decisions.castFor(family, id, approving("a")));
        decisions.close("head.oakfield", id);
        assertThat(stored("decision_ballots", id)).isEqualTo(6);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
            Update.update("closedAt", Date.from(Instant.now().minus(400, ChronoUnit.DAYS))), "decisions").block();
        Map<String, Object> before = decisions.results("head.oakfield", id, null);
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.purged.decisionBallots").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(6));

        assertThat(stored("decision_ballots", id)).isZero();
        assertThat(decisions.results("head.oakfield", id, null)).isEqualTo(before);
    }
}
