package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.eventually;
import static app.chorus.announcements.AnnouncementSteps.post;
import static app.chorus.announcements.AnnouncementSteps.with;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.announcements.internal.FeedItem;
import app.chorus.announcements.internal.FeedService;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class TrustWideAdaptablePostTests {

    @Autowired
    WebTestClient web;
    @Autowired
    AudienceResolver resolver;
    @Autowired
    FeedService feeds;

    @Test
    void oneSchoolAdaptsAnotherDeclinesTheThirdStaysSilentAndEachCarerSeesTheirVersion() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        List.of("leader.trust", "head.oakfield", "head.riverside", "carer.demo").forEach(Tokens::of);
        steps.feed("carer.demo");
        Instant start = Instant.now().plusSeconds(10);
        Instant end = start.plusSeconds(8);
        Map<String, Object> post = with(post(null, audience("TRUST", List.of(), "CARERS"), "Snow closure plan",
            "If it snows, check the app by **7am**."), "trustWide",
            Map.of("mode", "ADAPTABLE", "windowStart", start.toString(), "windowEnd", end.toString(), "allowDecline", true));
        Map<String, Object> scheduled = steps.publish("leader.trust", post);
        String id = (String) scheduled.get("id");
        assertThat(scheduled.get("status")).isEqualTo("SCHEDULED");

        steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/" + id + "/schools/sch-001/adopt",
            Map.of("localNote", "Oakfield's gate opens at 9:15 on snow days.", "publishAt", start.toString()));
        steps.ok(HttpMethod.POST, "head.riverside", "/api/v1/announcements/" + id + "/schools/sch-002/decline",
            Map.of("reason", "Riverside sends its own snow plan."));

        Map<String, String> before = adoption(steps, id);
        assertThat(before).containsEntry("sch-001", "ADAPTED").containsEntry("sch-002", "DECLINED").containsEntry("sch-003", "PENDING");

        String riversideOnly = carerOnlyAt("sch-002");
        String thirdSchoolOnly = carerOnlyAt("sch-003");
        eventually("Oakfield's edition to go live", Duration.ofSeconds(30), () -> steps.feedIds("carer.demo").contains(id));
        Map<String, Object> seenByTwoSchoolCarer = steps.feedItem("carer.demo", id);
        assertThat(steps.feedIds("carer.demo")).containsOnlyOnce(id);
        assertThat(seenByTwoSchoolCarer.get("localNotes"))
            .isEqualTo(List.of(Map.of("schoolId", "sch-001", "note", "Oakfield's gate opens at 9:15 on snow days.")));
        assertThat(feedItem(thirdSchoolOnly, id)).isEmpty();

        eventually("the silent school's edition at the end of the window", Duration.ofSeconds(30),
            () -> feedItem(thirdSchoolOnly, id).isPresent());
        assertThat(feedItem(thirdSchoolOnly, id).orElseThrow().localNotes()).isEmpty();
        assertThat(feedItem(riversideOnly, id)).isEmpty();
        assertThat(adoption(steps, id)).containsEntry("sch-001", "ADAPTED").containsEntry("sch-002", "DECLINED")
            .containsEntry("sch-003", "ADOPTED");
    }

    @Test
    void aSchoolLeaderCannotAnswerForAnotherSchool() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Instant start = Instant.now().plusSeconds(60);
        Map<String, Object> post = with(post(null, audience("SCHOOLS", List.of("sch-001", "sch-002"), "CARERS"), "Term dates",
            "Next year's dates."), "trustWide",
            Map.of("mode", "ADAPTABLE", "windowStart", start.toString(), "windowEnd", start.plusSeconds(60).toString()));
        String id = (String) steps.publish("leader.trust", post).get("id");

        steps.call(HttpMethod.POST, "head.riverside", "/api/v1/announcements/" + id + "/schools/sch-001/adopt", Map.of())
            .expectStatus().isNotFound();
        steps.call(HttpMethod.POST, "head.riverside", "/api/v1/announcements/" + id + "/schools/sch-002/decline",
                Map.of("reason", "no")).expectStatus().isEqualTo(409)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:decline-not-allowed");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> adoption(AnnouncementSteps steps, String id) {
        List<Map<String, Object>> schools = (List<Map<String, Object>>) steps.ok(HttpMethod.GET, "leader.trust",
            "/api/v1/announcements/" + id, null).get("adoption");
        Map<String, String> statuses = new java.util.TreeMap<>();
        schools.forEach(school -> statuses.put((String) school.get("schoolId"), (String) school.get("status")));
        return statuses;
    }

    private String carerOnlyAt(String schoolId) {
        return resolver.resolve(Audience.schools(Set.of(schoolId), AudienceRole.CARERS))
            .filter(member -> member.schoolIds().equals(Set.of(schoolId)))
            .filterWhen(member -> resolver.keysOf(member.personId())
                .map(keys -> keys.stream().filter(key -> key.startsWith("school:")).allMatch(key -> key.startsWith("school:" + schoolId + "/"))))
            .map(AudienceMember::personId).blockFirst();
    }

    private Optional<FeedItem> feedItem(String carerId, String id) {
        CurrentUser carer = new CurrentUser("sub-" + carerId, carerId, carerId, Set.of(Role.CARER));
        return feeds.page(carer, null, 100, null).block().items().stream().filter(item -> item.id().equals(id)).findFirst();
    }
}
