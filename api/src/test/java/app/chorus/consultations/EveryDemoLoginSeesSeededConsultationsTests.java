package app.chorus.consultations;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
@TestPropertySource(properties = "chorus.demo.seed-consultations=true")
class EveryDemoLoginSeesSeededConsultationsTests {

    @Autowired
    WebTestClient web;

    @Test
    void theDemoCarerSeesConsultationsInEveryPhaseAndEachDemoLoginSeesSome() {
        assertThat(stages("carer.demo")).contains("UPCOMING", "IDEAS", "DELIBERATION", "DECISION", "OUTCOME", "REVIEW");
        for (String login : List.of("leader.trust", "head.oakfield", "head.riverside", "teacher.oakfield", "pupil.demo")) {
            assertThat(stages(login)).as("consultations %s sees", login).isNotEmpty();
        }
        Map<?, ?> lunches = items("carer.demo").stream().filter(c -> "OUTCOME".equals(c.get("stage"))).findFirst().orElseThrow();
        assertThat(((Map<?, ?>) lunches.get("outcome")).get("decision").toString()).contains("Fruit every day");
        assertThat((List<?>) lunches.get("actions")).hasSize(1);
    }

    @Test
    void theDemoTrustLeaderHasAPupilsIdeaToModerateAndOakfieldsSafeguardingLeadAConcern() {
        assertThat(page("leader.trust", "/api/v1/moderation/queue")).extracting(entry -> entry.get("title").toString())
            .contains("How should we spend the sports premium?");
        assertThat(page("safeguarding.oakfield", "/api/v1/safeguarding/concerns"))
            .anySatisfy(concern -> assertThat(concern.get("text").toString()).contains("bullied"));
        assertThat(page("head.oakfield", "/api/v1/moderation/queue")).as("a concern is not the moderators'")
            .noneSatisfy(entry -> assertThat(entry.get("text").toString()).contains("bullied"));
    }

    private List<Map<?, ?>> page(String who, String uri) {
        Map<?, ?> page = web.get().uri(uri).header("Authorization", Tokens.bearer(who)).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) page.get("items");
    }

    private List<String> stages(String who) {
        return items(who).stream().map(item -> item.get("stage").toString()).toList();
    }

    private List<Map<?, ?>> items(String who) {
        Map<?, ?> page = web.get().uri("/api/v1/consultations").header("Authorization", Tokens.bearer(who)).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) page.get("items");
    }
}
