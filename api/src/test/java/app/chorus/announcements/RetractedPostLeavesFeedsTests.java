package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class RetractedPostLeavesFeedsTests {

    @Autowired
    WebTestClient web;

    @Test
    void aRetractedPostLeavesTheFeedAndDeltaSyncReportsItAsRemoved() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Trip to the zoo", "On Monday.")).get("id");
        assertThat(steps.feedIds("carer.demo")).contains(id);
        String sync = (String) steps.feed("carer.demo").get("sync");

        Map<String, Object> retracted = steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/" + id + "/retract",
            Map.of("reason", "Sent to the wrong year group"));

        assertThat(retracted.get("status")).isEqualTo("RETRACTED");
        assertThat(retracted.get("retractionReason")).isEqualTo("Sent to the wrong year group");
        assertThat(steps.feedIds("carer.demo")).doesNotContain(id);
        steps.call(HttpMethod.GET, "carer.demo", "/api/v1/feed/" + id, null).expectStatus().isNotFound();
        Map<String, Object> delta = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed?since=" + sync, null);
        assertThat((List<String>) delta.get("removed")).contains(id);
        assertThat(delta.get("cursor")).isNotEqualTo(sync);
    }

    @Test
    void deltaSyncReportsNewAndEditedPostsAndWhatWasReadOnAnotherDevice() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String sync = (String) steps.feed("carer.demo").get("sync");
        Map<String, Object> post = post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Harvest festival", "Bring a tin.");
        String id = (String) steps.publish("head.oakfield", post).get("id");

        Map<String, Object> first = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed?since=" + sync, null);
        assertThat(ids(first.get("changed"))).containsExactly(id);

        steps.ok(HttpMethod.PUT, "head.oakfield", "/api/v1/announcements/" + id,
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Harvest festival (moved)", "Bring a tin on Tuesday."));
        steps.ok(HttpMethod.POST, "carer.demo", "/api/v1/feed/" + id + "/open", null);
        Map<String, Object> second = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/feed?since=" + first.get("cursor"), null);

        List<Map<String, Object>> changed = (List<Map<String, Object>>) second.get("changed");
        assertThat(changed).singleElement().satisfies(item -> {
            assertThat(item.get("title")).isEqualTo("Harvest festival (moved)");
            assertThat(item.get("edited")).isEqualTo(true);
            assertThat(item.get("version")).isEqualTo(2);
        });
        assertThat(ids(second.get("read"))).containsExactly(id);
    }

    @SuppressWarnings("unchecked")
    private static List<String> ids(Object items) {
        return ((List<Map<String, Object>>) items).stream().map(item -> (String) item.get("id")).toList();
    }
}
