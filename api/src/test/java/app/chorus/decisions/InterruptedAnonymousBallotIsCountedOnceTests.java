package app.chorus.decisions;

import static app.chorus.decisions.DecisionFixtures.approving;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.decisions.internal.InterruptedBallots;
import app.chorus.testing.ApiTest;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A carer's anonymous ballot interrupted by a crash (ADR 0155): the documents are put back in the state the crash left,
 * then the recovery (or the carer's retry) finishes it. It is neither lost nor counted twice, and once finished the mark
 * names no ballot.
 */
@ApiTest
class InterruptedAnonymousBallotIsCountedOnceTests extends DecisionTestBase {

    @Autowired
    InterruptedBallots interrupted;

    @Test
    void aBallotStoredBeforeTheCrashIsCountedOnceAndStaysFinal() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "ANONYMOUS"));
        decisions.cast("carer.demo", id, Map.of("approve", List.of("b"))).expectStatus().isCreated();
        String ballotId = carersBallot(id, "b").getString("_id");
        crashedBeforeTheCount(id, ballotId);
        decisions.families("sch-001").stream().limit(4).forEach(family -> decisions.castFor(family, id, approving("a")));
        assertThat(approvalsOf(id, "b")).as("the crash left it out of the live figures").isZero();

        recoverAll();
        recoverAll();

        assertThat(approvalsOf(id, "b")).as("counted once, however often recovery runs").isEqualTo(1L);
        assertThat(stored("decision_ballots", id)).isEqualTo(5);
        assertThat(marks(id)).allSatisfy(mark -> assertThat(mark.keySet()).containsExactlyInAnyOrder("_id", "decisionId", "key"))
            .noneSatisfy(mark -> assertThat(mark.toJson()).contains(ballotId));
        decisions.cast("carer.demo", id, Map.of("approve", List.of("a"))).expectStatus().isEqualTo(409);

        decisions.close("head.oakfield", id);
        Map<String, Object> results = decisions.results("head.oakfield", id, null);
        assertThat(((Map<?, ?>) results.get("outcome")).get("ballots")).isEqualTo(5);
        assertThat(((Map<?, ?>) ((Map<?, ?>) results.get("figures")).get("approvals")).get("b")).isEqualTo(1);
    }

    @Test
    void aBallotTheCrashStoppedBeforeItWasStoredIsForgottenSoTheCarerCanVote() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "ANONYMOUS"));
        decisions.cast("carer.demo", id, Map.of("approve", List.of("b"))).expectStatus().isCreated();
        mongo.remove(Query.query(Criteria.where("decisionId").is(id)), "decision_ballots").block();
        crashedBeforeTheCount(id, UUID.randomUUID().toString());

        recoverAll();

        assertThat(stored("decision_marks", id)).isZero();
        decisions.cast("carer.demo", id, Map.of("approve", List.of("c"))).expectStatus().isCreated();
        assertThat(stored("decision_ballots", id)).isEqualTo(1);
        assertThat(carersBallot(id, "c")).isNotNull();
        assertThat(ballotsCounted(id)).isEqualTo(1L);
    }

    @Test
    void theCarersRetryWithTheSameKeyFinishesTheInterruptedBallotOnce() {
        String id = decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "ANONYMOUS"));
        decisions.cast("carer.demo", id, Map.of("approve", List.of("b")), "tap-once").expectStatus().isCreated();
        mongo.remove(Query.query(Criteria.where("decisionId").is(id)), "decision_ballots").block();
        crashedBeforeTheCount(id, UUID.randomUUID().toString());

        decisions.cast("carer.demo", id, Map.of("approve", List.of("b")), "tap-once").expectStatus().isOk()
            .expectBody().jsonPath("$.replayed").isEqualTo(true);
        decisions.cast("carer.demo", id, Map.of("approve", List.of("b")), "tap-once").expectStatus().isOk();
        recoverAll();

        assertThat(stored("decision_ballots", id)).isEqualTo(1);
        assertThat(ballotsCounted(id)).isEqualTo(1L);
        assertThat(marks(id)).singleElement().satisfies(mark -> assertThat(mark.keySet()).containsExactlyInAnyOrder("_id", "decisionId", "key"));
    }

    /**
     * What a crash after the mark (and maybe the ballot) and before the live count leaves, for the decision's only
     * ballot so far: a PENDING mark naming the ballot, and no live counters (neither in the cells nor in the totals).
     */
    private void crashedBeforeTheCount(String decisionId, String ballotId) {
        assertThat(stored("decision_marks", decisionId)).isEqualTo(1);
        mongo.updateFirst(Query.query(Criteria.where("decisionId").is(decisionId)),
            new Update().set("pendingBallot", ballotId).set("pendingSince", Date.from(Instant.now())), "decision_marks").block();
        mongo.remove(Query.query(Criteria.where("decisionId").is(decisionId)), "decision_tallies").block();
        mongo.updateFirst(Query.query(Criteria.where("_id").is(decisionId)), new Update().unset("g"), "decision_totals").block();
    }

    private void recoverAll() {
        interrupted.recover(Instant.now().plusSeconds(1)).block();
    }

    private Document carersBallot(String decisionId, String approved) {
        return mongo.findOne(Query.query(Criteria.where("decisionId").is(decisionId).and("choice.approve").is(approved)),
            Document.class, "decision_ballots").block();
    }

    private List<Document> marks(String decisionId) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decisionId)), Document.class, "decision_marks").collectList().block();
    }

    private long approvalsOf(String decisionId, String option) {
        return counter(decisionId, "o", option);
    }

    private long ballotsCounted(String decisionId) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decisionId)), Document.class, "decision_tallies")
            .map(cell -> ((Number) cell.get("k", Document.class).getOrDefault("n", 0)).longValue()).reduce(0L, Long::sum).block();
    }

    private long counter(String decisionId, String group, String field) {
        return mongo.find(Query.query(Criteria.where("decisionId").is(decisionId)), Document.class, "decision_tallies")
            .map(cell -> {
                Document counters = cell.get("k", Document.class).get(group, Document.class);
                return counters == null ? 0L : ((Number) counters.getOrDefault(field, 0)).longValue();
            }).reduce(0L, Long::sum).block();
    }
}
