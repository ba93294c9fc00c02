package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.announcements.internal.FeedItem;
import app.chorus.announcements.internal.FeedService;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class StaffClassPostWaitsForApprovalTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DirectoryQueries directory;
    @Autowired
    AudienceResolver resolver;
    @Autowired
    FeedService feeds;

    @Test
    void theTeacherIsToldBeforeSendingThatTheirClassPostGoesForApprovalAndTheHeadThatTheirsDoesNot() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String classId = directory.pupilsCaredFor("car-000001").filter(child -> child.schoolId().equals("sch-001"))
            .blockFirst().classIds().get(0);
        Map<String, Object> classCarers = Map.of("audience", audience("CLASSES", List.of(classId), "CARERS"));

        Map<String, Object> teacher = steps.ok(HttpMethod.POST, "teacher.oakfield", "/api/v1/announcements/reach-preview", classCarers);
        Map<String, Object> head = steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/reach-preview", classCarers);

        assertThat(teacher.get("needsApproval")).isEqualTo(true);
        assertThat(head.get("needsApproval")).isEqualTo(false);
        assertThat(teacher.get("people")).isEqualTo(head.get("people"));
    }

    @Test
    void aTeachersClassPostWaitsForTheHeadAndThenReachesOnlyThatClasssCarers() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String classId = directory.pupilsCaredFor("car-000001").filter(child -> child.schoolId().equals("sch-001"))
            .blockFirst().classIds().get(0);

        Map<String, Object> submitted = steps.publish("teacher.oakfield",
            post("sch-001", audience("CLASSES", List.of(classId), "CARERS"), "PE kit on Thursday", "Please bring **trainers**."));
        String id = (String) submitted.get("id");
        assertThat(submitted.get("status")).isEqualTo("PENDING_APPROVAL");
        assertThat(steps.feedIds("carer.demo")).doesNotContain(id);
        assertThat(waitingFor("head.oakfield", steps, id)).as("the head sees who wrote it by name")
            .containsEntry("authorName", steps.ok(HttpMethod.GET, "teacher.oakfield", "/api/v1/me", null).get("name"))
            .containsEntry("priority", "NORMAL");

        Map<String, Object> approved = steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/" + id + "/approve", null);
        assertThat(approved.get("status")).isEqualTo("PUBLISHED");
        assertThat(approved.get("approvedBy")).isEqualTo("stf-00002");

        Map<String, Object> item = steps.feedItem("carer.demo", id);
        assertThat(item).isNotNull();
        assertThat((String) item.get("html")).contains("<strong>trainers</strong>");

        Set<String> classCarers = carers(Audience.classes(Set.of(classId), AudienceRole.CARERS));
        Set<String> schoolCarers = carers(Audience.schools(Set.of("sch-001"), AudienceRole.CARERS));
        String otherCarer = schoolCarers.stream().filter(carer -> !classCarers.contains(carer)).findFirst().orElseThrow();
        assertThat(feedOf(otherCarer)).doesNotContain(id);
        classCarers.stream().limit(3).forEach(carer -> assertThat(feedOf(carer)).contains(id));

        Map<String, Object> reach = steps.ok(HttpMethod.GET, "teacher.oakfield", "/api/v1/announcements/" + id + "/reach", null);
        assertThat(((Number) reach.get("audience")).longValue()).isEqualTo(classCarers.size());
    }

    @Test
    void theHeadCanReturnAPostWithACommentAndItStaysOutOfFeeds() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String classId = directory.pupilsCaredFor("car-000001").filter(child -> child.schoolId().equals("sch-001"))
            .blockFirst().classIds().get(0);
        String id = (String) steps.publish("teacher.oakfield",
            post("sch-001", audience("CLASSES", List.of(classId), "CARERS"), "Cake sale", "Friday.")).get("id");

        Map<String, Object> returned = steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/" + id + "/return",
            Map.of("comment", "Say what time"));

        assertThat(returned.get("status")).isEqualTo("RETURNED");
        assertThat(returned.get("returnComment")).isEqualTo("Say what time");
        assertThat(steps.feedIds("carer.demo")).doesNotContain(id);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> waitingFor(String login, AnnouncementSteps steps, String id) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) steps.ok(HttpMethod.GET, login, "/api/v1/announcements?limit=100", null).get("items");
        return items.stream().filter(item -> id.equals(item.get("id"))).findFirst().orElseThrow();
    }

    private Set<String> carers(Audience audience) {
        return Set.copyOf(resolver.resolve(audience).map(AudienceMember::personId).collectList().block());
    }

    private List<String> feedOf(String carerId) {
        CurrentUser carer = new CurrentUser("sub-" + carerId, carerId, carerId, Set.of(Role.CARER));
        return feeds.page(carer, null, 100, null).block().items().stream().map(FeedItem::id).toList();
    }
}
