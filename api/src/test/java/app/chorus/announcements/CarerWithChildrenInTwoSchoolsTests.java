package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class CarerWithChildrenInTwoSchoolsTests {

    @Autowired
    WebTestClient web;

    @Test
    void seesEachSchoolsPostsAndATrustPostToBothSchoolsOnceNewestFirst() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String oakfield = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Oakfield nativity", "Tickets on sale.")).get("id");
        String riverside = (String) steps.publish("head.riverside",
            post("sch-002", audience("SCHOOLS", List.of("sch-002"), "CARERS"), "Riverside mocks", "Exam timetable.")).get("id");
        String both = (String) steps.publish("leader.trust",
            post(null, audience("SCHOOLS", List.of("sch-001", "sch-002"), "CARERS"), "Trust inset day", "No school on Friday.")).get("id");

        Map<String, Object> feed = steps.feed("carer.demo");
        List<String> ids = steps.feedIds("carer.demo");

        assertThat(ids).containsOnlyOnce(oakfield, riverside, both);
        assertThat(ids.indexOf(both)).isLessThan(ids.indexOf(riverside));
        assertThat(ids.indexOf(riverside)).isLessThan(ids.indexOf(oakfield));
        assertThat(((Number) feed.get("unread")).longValue()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void pagesThroughTheFeedWithACursorWithoutRepeatsOrGaps() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        for (int i = 0; i < 5; i++) {
            steps.publish("head.oakfield", post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Notice " + i, "Body " + i));
        }
        List<String> firstHundred = steps.feedIds("carer.demo");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = steps.ok(HttpMethod.GET, "carer.demo",
                "/api/v1/feed?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), null);
            ((List<Map<String, Object>>) page.get("items")).forEach(item -> paged.add((String) item.get("id")));
            cursor = (String) page.get("next");
        } while (cursor != null);

        // other tests share this store: the feed may be longer than one read of 100
        assertThat(paged).doesNotHaveDuplicates().startsWith(firstHundred.toArray(String[]::new));
        assertThat(paged.size() > firstHundred.size()).isEqualTo(firstHundred.size() == 100);
    }

    @Test
    void unreadCountRisesWithANewPostAndFallsAsSoonAsItIsOpened() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        long before = unread(steps);
        String id = (String) steps.publish("head.riverside",
            post("sch-002", audience("SCHOOLS", List.of("sch-002"), "CARERS"), "Riverside sports day", "Bring water.")).get("id");
        assertThat(unread(steps)).isEqualTo(before + 1);

        steps.ok(HttpMethod.POST, "carer.demo", "/api/v1/feed/" + id + "/open", null);

        assertThat(unread(steps)).isEqualTo(before);
    }

    private static long unread(AnnouncementSteps steps) {
        return ((Number) steps.feed("carer.demo").get("unread")).longValue();
    }
}
