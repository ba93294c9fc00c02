package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;

import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class AnotherSchoolsAnnouncementIsNotFoundTests {

    @Autowired
    WebTestClient web;

    @Test
    void anotherSchoolsLeaderGetsNotFoundForEverythingAboutIt() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "STAFF"), "Staff briefing", "8:15 in the hall.")).get("id");
        String path = "/api/v1/announcements/" + id;

        for (var call : List.of(
            steps.call(HttpMethod.GET, "head.riverside", path, null),
            steps.call(HttpMethod.GET, "head.riverside", path + "/reach", null),
            steps.call(HttpMethod.POST, "head.riverside", path + "/retract", Map.of("reason", "mine now")),
            steps.call(HttpMethod.GET, "head.riverside", "/api/v1/feed/" + id, null),
            steps.call(HttpMethod.GET, "carer.demo", "/api/v1/feed/" + id, null))) {
            call.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:not-found");
        }
        steps.call(HttpMethod.GET, "teacher.oakfield", "/api/v1/feed/" + id, null).expectStatus().isOk();
        steps.call(HttpMethod.GET, "head.oakfield", path, null).expectStatus().isOk()
            .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
    }
}
