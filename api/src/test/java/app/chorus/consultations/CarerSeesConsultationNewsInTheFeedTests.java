package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static app.chorus.consultations.ConsultationFixtures.in;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An Oakfield consultation for carers opens, then publishes its outcome: both appear in the carer's feed and reach
 * their phone's delta sync, with a link to the consultation; a teacher outside the audience sees neither.
 */
@ApiTest
class CarerSeesConsultationNewsInTheFeedTests {

    @Autowired
    WebTestClient web;

    @Test
    void theOpeningAndTheOutcomeArriveInTheCarersFeedAndDeltaSyncButNotTheTeachers() throws Exception {
        String since = feed("carer.demo").get("sync").toString();
        String id = new ConsultationFixtures(web).create("head.oakfield", draft("Oakfield after-school clubs", "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS"), "IDEAS", ago(1), "DELIBERATION", in(60 * 24)));
        String opened = "consultation:" + id + ":opened";

        Map<?, ?> item = awaitItem("carer.demo", opened);
        assertThat(item.get("title")).isEqualTo("Oakfield after-school clubs");
        assertThat(item.get("links").toString()).contains("/consultations/" + id);

        web.put().uri("/api/v1/consultations/{id}/outcome", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .bodyValue(Map.of("decision", "Chess club on Tuesdays", "rationale", "Most asked for it")).exchange().expectStatus().isOk();
        assertThat(awaitItem("carer.demo", "consultation:" + id + ":outcome").get("summary").toString()).contains("Chess club on Tuesdays");

        Map<?, ?> delta = web.get().uri("/api/v1/feed?since=" + since).header("Authorization", Tokens.bearer("carer.demo")).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(ids((List<?>) delta.get("changed"))).as("the phone's delta sync carries both").contains(opened, "consultation:" + id + ":outcome");
        assertThat(ids((List<?>) feed("teacher.oakfield").get("items"))).doesNotContain(opened);
    }

    private Map<?, ?> awaitItem(String who, String itemId) {
        return await(itemId + " reaching " + who + "'s feed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> ((List<?>) feed(who).get("items")).stream().map(item -> (Map<?, ?>) item)
                .filter(item -> itemId.equals(item.get("id"))).findFirst(), Optional::isPresent)
            .orElseThrow();
    }

    private Map<?, ?> feed(String who) {
        return web.get().uri("/api/v1/feed?limit=100").header("Authorization", Tokens.bearer(who)).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static List<Object> ids(List<?> items) {
        return items.stream().map(item -> (Object) ((Map<?, ?>) item).get("id")).toList();
    }
}
