package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static app.chorus.announcements.AnnouncementSteps.with;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Carers who had a post see that the school withdrew it and why (never its body), and when and why it was edited. */
@ApiTest
class WithdrawnPostStaysAsATombstoneTests {

    @Autowired
    WebTestClient web;

    @Test
    void aWithdrawnPostStaysInTheFeedWithTheSchoolsReasonAndWithoutItsBody() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Trip to the zoo", "On Monday.")).get("id");
        String sync = (String) steps.feed("carer.demo").get("sync");

        Map<String, Object> retracted = steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/" + id + "/retract",
            Map.of("reason", "Sent to the wrong year group"));

        assertThat(retracted.get("status")).isEqualTo("RETRACTED");
        assertThat(steps.feedItem("carer.demo", id)).satisfies(WithdrawnPostStaysAsATombstoneTests::isTombstone);
        Map<String, Object> read = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed/" + id, null);
        isTombstone(read);
        steps.call(HttpMethod.POST, "carer.demo", "/api/v1/feed/" + id + "/acknowledge", null).expectStatus().isEqualTo(409);
        Map<String, Object> delta = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed?since=" + sync, null);
        assertThat((List<Map<String, Object>>) delta.get("changed")).filteredOn(item -> id.equals(item.get("id")))
            .singleElement().satisfies(WithdrawnPostStaysAsATombstoneTests::isTombstone);
        assertThat(delta.get("cursor")).isNotEqualTo(sync);
    }

    @Test
    void anEditedPostTellsReadersWhenAndWhyAndDeltaSyncCarriesIt() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String sync = (String) steps.feed("carer.demo").get("sync");
        Map<String, Object> post = post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Harvest festival", "Bring a tin.");
        String id = (String) steps.publish("head.oakfield", post).get("id");

        Map<String, Object> first = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed?since=" + sync, null);
        assertThat(ids(first.get("changed"))).containsExactly(id);
        assertThat(steps.feedItem("carer.demo", id).get("editReason")).isNull();

        Map<String, Object> edited = steps.ok(HttpMethod.PUT, "head.oakfield", "/api/v1/announcements/" + id,
            with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Harvest festival (moved)", "Bring a tin on Tuesday."),
                "editReason", "The hall is booked on Monday"));
        assertThat(edited.get("editReason")).isEqualTo("The hall is booked on Monday");
        steps.ok(HttpMethod.POST, "carer.demo", "/api/v1/feed/" + id + "/open", null);
        Map<String, Object> second = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed?since=" + first.get("cursor"), null);

        List<Map<String, Object>> changed = (List<Map<String, Object>>) second.get("changed");
        assertThat(changed).singleElement().satisfies(item -> {
            assertThat(item.get("title")).isEqualTo("Harvest festival (moved)");
            assertThat(item.get("edited")).isEqualTo(true);
            assertThat(item.get("version")).isEqualTo(2);
            assertThat(item.get("editReason")).isEqualTo("The hall is booked on Monday");
            assertThat(item.get("editedAt")).isNotNull();
            assertThat(item.get("withdrawn")).isEqualTo(false);
        });
        assertThat(ids(second.get("read"))).containsExactly(id);
    }

    @Test
    void anEditReasonLongerThan500CharactersIsRefusedNamingTheField() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> post = post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Sports day", "On Friday.");
        String id = (String) steps.publish("head.oakfield", post).get("id");

        steps.call(HttpMethod.PUT, "head.oakfield", "/api/v1/announcements/" + id, with(post, "editReason", "x".repeat(501)))
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("editReason");
        assertThat(steps.feedItem("carer.demo", id).get("version")).isEqualTo(1);
    }

    private static void isTombstone(Map<String, Object> item) {
        assertThat(item.get("withdrawn")).isEqualTo(true);
        assertThat(item.get("withdrawalReason")).isEqualTo("Sent to the wrong year group");
        assertThat(item.get("withdrawnAt")).isNotNull();
        assertThat(item.get("title")).isEqualTo("Trip to the zoo");
        assertThat(item.get("html")).isNull();
        assertThat(item.get("summary")).isNull();
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object items) {
        return ((List<Map<String, Object>>) items).stream().map(item -> (String) item.get("id")).toList();
    }
}
