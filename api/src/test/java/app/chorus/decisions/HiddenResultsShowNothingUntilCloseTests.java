package app.chorus.decisions;

import static org.awaitility.Awaitility.await;
import static app.chorus.decisions.DecisionFixtures.approving;
import static app.chorus.decisions.DecisionFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.test.StepVerifier;

@ApiTest
class HiddenResultsShowNothingUntilCloseTests extends DecisionTestBase {

    @Test
    void nothingIsShownWhileOpenThenEverythingOnceItClosesOnTime() {
        Map<String, Object> body = DecisionFixtures.with(DecisionFixtures.oakfield("APPROVAL", "NAMED"), "hideResultsUntilClose", true);
        String id = decisions.create("head.oakfield", body);
        decisions.families("sch-001").subList(0, 6).forEach(family -> decisions.castFor(family, id, approving("b")));

        Map<String, Object> hidden = decisions.results("head.oakfield", id, "school");
        assertThat(hidden.get("hidden")).isEqualTo(true);
        assertThat(hidden).as("not even the leaders see figures").containsEntry("ballots", null)
            .containsEntry("figures", null).containsEntry("breakdown", null).containsEntry("outcome", null);
        StepVerifier.create(web.get().uri("/api/v1/decisions/{id}/results/stream", id)
                .header("Authorization", Tokens.bearer("carer.demo")).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk().returnResult(new org.springframework.core.ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody().take(1))
            .assertNext(event -> assertThat(event.data()).containsEntry("hidden", true).containsEntry("figures", null))
            .verifyComplete();

        // its closing time comes (moved in the store, so a slow machine cannot make ballots miss the window)
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("closesAt", Instant.now()), "decisions").block();
        Map<String, Object> closed = awaitClosed(id);
        assertThat(closed.get("hidden")).isEqualTo(false);
        assertThat(closed.get("ballots")).isEqualTo(6);
        assertThat(at(closed, "figures", "approvals")).isEqualTo(Map.of("a", 0, "b", 6, "c", 0));
        assertThat(at(closed, "outcome", "leaders")).isEqualTo(List.of("b"));
        assertThat(DecisionFixtures.list(closed, "breakdown", "groups")).singleElement()
            .satisfies(group -> assertThat(group).containsEntry("group", "sch-001").containsEntry("ballots", 6));
    }

    /** The vote closes at closesAt without anyone pressing a button: the sweeper claims and counts it. */
    private Map<String, Object> awaitClosed(String id) {
        AtomicReference<Map<String, Object>> results = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            results.set(decisions.results("head.oakfield", id, "school"));
            assertThat(results.get().get("status")).as("closed on time by the sweeper").isEqualTo("CLOSED");
        });
        return results.get();
    }
}
