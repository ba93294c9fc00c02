package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.ago;
import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A phone that kept its home's cursor learns which consultations appeared on the home and which left it, and no more. */
@ApiTest
class CarerHomeSyncsConsultationChangesTests {

    @Autowired
    WebTestClient web;

    @Test
    void aNewConsultationArrivesAsChangedAndLeavesAsRemovedOnceItNoLongerNeedsTheCarer() {
        ConsultationFixtures consultations = new ConsultationFixtures(web);
        String cursor = (String) get("carer.demo", "/api/v1/consultations/waiting").get("sync");
        String elsewhere = consultations.create("head.riverside", draft("Riverside only " + UUID.randomUUID(), "sch-002",
            audience("SCHOOLS", List.of("sch-002"), "STAFF"), "IDEAS", ago(1)));
        String id = consultations.create("head.oakfield", draft("Oakfield playground " + UUID.randomUUID(), "sch-001",
            audience("SCHOOLS", List.of("sch-001"), "CARERS"), "IDEAS", ago(1)));

        Map<String, Object> delta = changes("carer.demo", cursor);
        assertThat(changed(delta)).filteredOn("id", id).singleElement()
            .satisfies(entry -> assertThat(entry).containsEntry("stage", "IDEAS").containsEntry("needsInput", true));
        assertThat(delta.toString()).as("another school's consultation is not even named").doesNotContain(elsewhere);

        String after = quiet("carer.demo", (String) delta.get("cursor"), id);

        web.post().uri("/api/v1/consultations/{id}/advance", id).header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange().expectStatus().isOk();
        Map<String, Object> closed = changes("carer.demo", after);
        assertThat(closed.get("removed")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains(id);
        assertThat(changed(closed)).extracting(entry -> entry.get("id")).doesNotContain(id);
    }

    @Test
    void aCursorTheApiDidNotGiveOutIsRefusedNamingIt() {
        web.get().uri("/api/v1/consultations/waiting/changes?since=not-a-cursor").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith("application/problem+json")
            .expectBody().jsonPath("$.field").isEqualTo("since");
    }

    /**
     * Follows the cursor until a delta says nothing of the consultation (the scheduler's announcement of its stage stamps
     * it once more after it was created); returns that cursor.
     */
    private String quiet(String who, String cursor, String id) {
        String[] at = {cursor};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, Object> delta = changes(who, at[0]);
            boolean silent = !delta.toString().contains(id);
            if (!silent) {
                at[0] = (String) delta.get("cursor");
            }
            return silent;
        });
        return at[0];
    }

    private Map<String, Object> changes(String who, String cursor) {
        return get(who, "/api/v1/consultations/waiting/changes?since=" + cursor);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changed(Map<String, Object> delta) {
        return (List<Map<String, Object>>) delta.get("changed");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String who, String uri) {
        return web.get().uri(uri).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
