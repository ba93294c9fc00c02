package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.OLIVER;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class IdeasPageStablyWhileSupportsArriveTests {

    @Autowired
    WebTestClient web;

    @Test
    void aReaderPagingBySupportSeesEveryIdeaOnceEvenWhenTheLastOneJumpsToTheTopMeanwhile() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.trustCarersInIdeas("After-school clubs");
        for (String title : List.of("Art", "Band", "Chess", "Drama", "Eco")) {
            consultations.proposed("carer.demo", id, OLIVER, title);
        }
        Map<?, ?> first = page(id, null);
        List<Map<?, ?>> seen = new ArrayList<>((List<Map<?, ?>>) first.get("items"));
        assertThat(seen).hasSize(2);
        String last = allIds(id).get(4);
        String other = ((List<Map<?, ?>>) consultations.get("carer.demo", id).get("yourVoices")).stream()
            .map(voice -> voice.get("as").toString()).filter(as -> !as.equals(OLIVER)).findFirst().orElseThrow();
        consultations.support("carer.demo", id, last, OLIVER).expectStatus().isOk();
        consultations.support("carer.demo", id, last, other).expectStatus().isOk();

        String cursor = (String) first.get("next");
        while (cursor != null) {
            Map<?, ?> next = page(id, cursor);
            seen.addAll((List<Map<?, ?>>) next.get("items"));
            cursor = (String) next.get("next");
        }
        assertThat(seen).extracting(idea -> idea.get("title").toString()).doesNotHaveDuplicates().hasSize(5);
        assertThat((Map<Object, Object>) seen.get(2)).as("the next page ranks what is not shown yet, counts current")
            .containsEntry("id", last).containsEntry("supports", 2);
        assertThat(allIds(id).get(0)).as("a fresh listing ranks by support").isEqualTo(last);
    }

    @Test
    void anIdeaProposedWhileAReaderPagesIsShownOnALaterPageAndAPageAskedForAgainShowsTheSameIdeas() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String id = consultations.trustCarersInIdeas("Playground");
        for (String title : List.of("Benches", "Climbing frame", "Den")) {
            consultations.proposed("carer.demo", id, OLIVER, title);
        }
        Map<?, ?> first = page(id, null);
        String cursor = (String) first.get("next");
        List<Map<?, ?>> seen = new ArrayList<>((List<Map<?, ?>>) first.get("items"));
        consultations.proposed("carer.demo", id, OLIVER, "Eco garden");

        Map<?, ?> second = page(id, cursor);
        assertThat(page(id, cursor).get("items")).as("the same page again").isEqualTo(second.get("items"));
        seen.addAll((List<Map<?, ?>>) second.get("items"));
        cursor = (String) second.get("next");
        while (cursor != null) {
            Map<?, ?> next = page(id, cursor);
            seen.addAll((List<Map<?, ?>>) next.get("items"));
            cursor = (String) next.get("next");
        }
        assertThat(seen).extracting(idea -> idea.get("title").toString()).doesNotHaveDuplicates()
            .containsExactlyInAnyOrder("Benches", "Climbing frame", "Den", "Eco garden");
    }

    private Map<?, ?> page(String id, String cursor) {
        return web.get().uri(uri -> uri.path("/api/v1/consultations/{id}/ideas").queryParam("limit", 2)
                .queryParamIfPresent("cursor", java.util.Optional.ofNullable(cursor)).build(id))
            .header("Authorization", Tokens.bearer("carer.demo")).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<String> allIds(String id) {
        Map<?, ?> all = web.get().uri("/api/v1/consultations/{id}/ideas?limit=50", id).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<?, ?>>) all.get("items")).stream().map(idea -> idea.get("id").toString()).toList();
    }
}
