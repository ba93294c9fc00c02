package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class PupilIdeaWaitsForModerationTests {

    @Autowired
    WebTestClient web;
    ConsultationFixtures consultations;

    @BeforeEach
    void fixtures() {
        consultations = new ConsultationFixtures(web);
    }

    @Test
    void aPupilsIdeaIsSeenOnlyByThePupilUntilAModeratorApprovesIt() {
        String id = consultations.create("leader.trust", draft("Pupil voice: break times", null,
            audience("TRUST", List.of(), "PUPILS", "CARERS"), "IDEAS", ago(1)));
        String idea = consultations.propose("pupil.demo", id, null, "Longer lunch").expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        assertThat(titles("pupil.demo", id)).containsExactly("Longer lunch");
        assertThat(ideas("pupil.demo", id).get(0).get("shownToOthers")).isEqualTo(false);
        assertThat(titles("carer.demo", id)).isEmpty();
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isNotFound();

        web.post().uri("/api/v1/moderation/items/idea/{id}/decision", idea).header("Authorization", Tokens.bearer("leader.trust"))
            .bodyValue(Map.of("visibility", "SHOWN", "reason", "Kind and on topic")).exchange().expectStatus().isOk();
        assertThat(titles("carer.demo", id)).containsExactly("Longer lunch");
        consultations.support("carer.demo", id, idea, OLIVER).expectStatus().isOk();
    }

    @Test
    void threeReportsHideACommentFromOthersButNotFromItsAuthor() {
        String id = consultations.create("leader.trust", draft("Staff and carers: parking", null,
            audience("TRUST", List.of(), "CARERS", "STAFF"), "IDEAS", ago(1)));
        String comment = consultations.comment("carer.demo", id, OLIVER, Map.of("stance", "AGAINST", "body", "Parking is awful"))
            .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
        for (String reporter : List.of("teacher.oakfield", "head.oakfield", "head.riverside")) {
            assertThat(bodies("teacher.oakfield", id)).as("still shown before %s reports", reporter).contains("Parking is awful");
            web.post().uri("/api/v1/consultations/{id}/comments/{comment}/reports", id, comment)
                .header("Authorization", Tokens.bearer(reporter)).bodyValue(Map.of("reason", "rude"))
                .exchange().expectStatus().isOk();
        }
        assertThat(bodies("teacher.oakfield", id)).isEmpty();
        assertThat(bodies("carer.demo", id)).containsExactly("Parking is awful");
    }

    private List<Map<?, ?>> ideas(String who, String id) {
        Map<?, ?> page = web.get().uri("/api/v1/consultations/{id}/ideas", id).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<?, ?>>) page.get("items");
    }

    private List<String> titles(String who, String id) {
        return ideas(who, id).stream().map(idea -> idea.get("title").toString()).toList();
    }

    private List<String> bodies(String who, String id) {
        Map<?, ?> page = web.get().uri("/api/v1/consultations/{id}/comments", id).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) page.get("items")).stream().map(comment -> comment.get("body").toString()).toList();
    }
}
