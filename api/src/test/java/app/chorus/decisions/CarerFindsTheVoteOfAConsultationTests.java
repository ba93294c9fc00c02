package app.chorus.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@ApiTest
class CarerFindsTheVoteOfAConsultationTests extends DecisionTestBase {

    @Test
    void aCarerAndTheHeadSeeTheConsultationsVoteAndAnotherSchoolsLeaderDoesNot() {
        String consultationId = "consultation-" + UUID.randomUUID();
        String id = decisions.create("head.oakfield",
            DecisionFixtures.with(DecisionFixtures.oakfield("RANKED_IRV", "NAMED"), "consultationId", consultationId));

        assertThat(ids("carer.demo", consultationId)).containsExactly(id);
        assertThat(ids("head.oakfield", consultationId)).containsExactly(id);
        assertThat(ids("head.riverside", consultationId)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private java.util.List<Object> ids(String who, String consultationId) {
        Map<String, Object> page = web.get().uri("/api/v1/decisions?consultationId={id}", consultationId)
            .header("Authorization", Tokens.bearer(who)).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return ((java.util.List<Map<String, Object>>) page.get("items")).stream().map(item -> item.get("id")).toList();
    }
}
