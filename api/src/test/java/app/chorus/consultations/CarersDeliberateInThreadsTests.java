package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class CarersDeliberateInThreadsTests {

    @Autowired
    WebTestClient web;

    @Test
    void repliesGoTwoLevelsDeepAnEditIsMarkedAndARetriedCommentIsStoredOnce() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.trustCarersInIdeas("Sports day");
        String idea = consultations.proposed("carer.demo", id, OLIVER, "Parents' race");
        String top = created(web.post().uri("/api/v1/consultations/{id}/comments?as=" + OLIVER, id)
            .header("Authorization", Tokens.bearer("carer.demo")).header("Idempotency-Key", "first-comment")
            .bodyValue(Map.of("ideaId", idea, "stance", "FOR", "body", "Great fun")).exchange());
        String again = created(web.post().uri("/api/v1/consultations/{id}/comments?as=" + OLIVER, id)
            .header("Authorization", Tokens.bearer("carer.demo")).header("Idempotency-Key", "first-comment")
            .bodyValue(Map.of("ideaId", idea, "stance", "FOR", "body", "Great fun")).exchange());
        assertThat(again).isEqualTo(top);
        String reply = created(consultations.comment("carer.demo", id, OLIVER, Map.of("ideaId", idea, "parentId", top,
            "stance", "AGAINST", "body", "Someone will trip")));
        String replyToReply = created(consultations.comment("carer.demo", id, OLIVER, Map.of("ideaId", idea, "parentId", reply,
            "body", "Soft grass then")));
        consultations.comment("carer.demo", id, OLIVER, Map.of("ideaId", idea, "parentId", replyToReply, "body", "Too deep"))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.rule").isEqualTo("replies-two-levels-deep")
            .jsonPath("$.field").isEqualTo("parentId");

        web.put().uri("/api/v1/consultations/{id}/comments/{comment}", id, reply).header("Authorization", Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("body", "Someone might trip")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.edited").isEqualTo(true);

        Map<?, ?> page = web.get().uri("/api/v1/consultations/{id}/comments?ideaId=" + idea, id)
            .header("Authorization", Tokens.bearer("carer.demo")).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> threads = (List<Map<?, ?>>) page.get("items");
        assertThat(threads).hasSize(1);
        Map<?, ?> second = ((List<Map<?, ?>>) threads.get(0).get("replies")).get(0);
        assertThat(second.get("body")).isEqualTo("Someone might trip");
        assertThat(second.get("edited")).isEqualTo(true);
        assertThat(second.get("stance")).isEqualTo("AGAINST");
        assertThat(((List<Map<?, ?>>) second.get("replies")).get(0).get("body")).isEqualTo("Soft grass then");
        assertThat(threads.get(0).get("edited")).isEqualTo(false);
    }

    private static String created(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }
}
