package app.chorus.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A head with years of votes behind them reads them a page at a time, newest first: following {@code next} gives each
 * vote once, and another school's head never sees Oakfield's.
 */
@ApiTest
class HeadPagesThroughTheVotesTheyRunTests extends DecisionTestBase {

    @Test
    void followingNextGivesEveryVoteOnceNewestFirst() {
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            made.add(decisions.create("head.oakfield", DecisionFixtures.oakfield("APPROVAL", "NAMED")));
        }

        List<String> seen = new ArrayList<>();
        String next = null;
        do {
            Map<String, Object> page = page("head.oakfield", "limit=2" + (next == null ? "" : "&cursor=" + next));
            List<Map<String, Object>> items = items(page);
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            items.forEach(item -> seen.add(item.get("id").toString()));
            next = (String) page.get("next");
        } while (next != null);

        assertThat(seen).doesNotHaveDuplicates().containsSubsequence(made.get(2), made.get(1), made.get(0));
        List<String> riverside = new ArrayList<>();
        items(page("head.riverside", "limit=100")).forEach(item -> riverside.add(item.get("id").toString()));
        assertThat(riverside).doesNotContainAnyElementsOf(made);
    }

    @Test
    void aPageSizeBelowOneOrACursorNotGivenOutIsRefusedNamingTheField() {
        web.get().uri("/api/v1/decisions?limit=0").header("Authorization", Tokens.bearer("head.oakfield")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("limit");
        web.get().uri("/api/v1/decisions?cursor=not-ours").header("Authorization", Tokens.bearer("head.oakfield")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("cursor");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> page(String who, String query) {
        return web.get().uri("/api/v1/decisions?" + query).header("Authorization", Tokens.bearer(who)).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
