package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A head teacher edits an announcement families already see: the audit records the edit, by whom and which version. */
@ApiTest
class LeaderEditingALiveAnnouncementIsAuditedTests {

    @Autowired
    WebTestClient web;

    @Test
    void theEditIsRecordedWithItsVersionAndEditor() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> post = post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Book fair", "On Monday.");
        String id = (String) steps.publish("head.oakfield", post).get("id");
        String published = whoRecorded("announcement-published", id);
        assertThat(entries("announcement-edited", id)).isEmpty();

        steps.ok(HttpMethod.PUT, "head.oakfield", "/api/v1/announcements/" + id,
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Book fair (moved)", "On Tuesday."));

        List<Map<String, Object>> edits = entries("announcement-edited", id);
        assertThat(edits).singleElement().satisfies(edit -> {
            assertThat(edit.get("reason")).isEqualTo("version 2");
            assertThat(edit.get("actor")).isEqualTo("person");
            assertThat(edit.get("actorId")).isEqualTo(published);
            assertThat(edit.get("schoolId")).isEqualTo("sch-001");
        });
    }

    @Test
    void theEditorsReasonIsRecordedWithTheVersion() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> post = post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Cake sale", "On Monday.");
        String id = (String) steps.publish("head.oakfield", post).get("id");

        steps.ok(HttpMethod.PUT, "head.oakfield", "/api/v1/announcements/" + id, AnnouncementSteps.with(
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Cake sale (moved)", "On Wednesday."),
            "editReason", "The oven is broken"));

        assertThat(entries("announcement-edited", id)).singleElement()
            .satisfies(edit -> assertThat(edit.get("reason")).isEqualTo("version 2: The oven is broken"));
    }

    private String whoRecorded(String kind, String id) {
        List<Map<String, Object>> found = entries(kind, id);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("actorId")).isNotNull();
        return (String) found.get(0).get("actorId");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String kind, String id) {
        Map<String, Object> page = web.get().uri("/api/v1/audit?school=sch-001&kind={kind}&limit=200", kind)
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk()
            .expectBody(AnnouncementSteps.JSON).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream()
            .filter(entry -> ((String) entry.get("subject")).contains(id)).toList();
    }
}
