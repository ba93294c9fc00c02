package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static app.chorus.announcements.AnnouncementSteps.with;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class TrustLeaderReadsTheDashboardInOneCallTests {

    private static final String DASHBOARD = "/api/v1/trust/dashboard";

    @Autowired
    WebTestClient web;

    @Test
    void aPostAndItsAcknowledgementCountInTheSchoolsRowWithThePeriodItCovers() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        // other tests may have left Oakfield's figures hidden (asked of fewer than five people): one post to its carers shows them
        steps.publish("head.oakfield", with(with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Term dates",
            "Term starts on Monday."), "requiresAcknowledgement", true), "priority", "IMPORTANT"));
        Map<String, Object> before = oakfield(steps.ok(HttpMethod.GET, "leader.trust", DASHBOARD, null));
        assertThat(before).containsEntry("hidden", false);
        Map<String, Object> post = with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Sports day",
            "Bring a water bottle."), "requiresAcknowledgement", true);
        post = with(post, "priority", "IMPORTANT");
        String id = (String) steps.publish("head.oakfield", post).get("id");
        web.post().uri("/api/v1/feed/" + id + "/acknowledge").header("Authorization", Tokens.bearer("carer.demo"))
            .header("Idempotency-Key", "dashboard-" + id).exchange().expectStatus().isOk();
        long reached = ((Number) steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/reach", null)
            .get("audience")).longValue();

        Map<String, Object> dashboard = steps.ok(HttpMethod.GET, "leader.trust", DASHBOARD, null);
        Map<String, Object> after = oakfield(dashboard);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        assertThat(dashboard).containsEntry("to", today.toString()).containsEntry("from", today.minusDays(29).toString())
            .containsEntry("minimumGroupSize", 5);
        assertThat(after).containsEntry("hidden", false);
        assertThat(number(after, "announcements")).isEqualTo(number(before, "announcements") + 1);
        assertThat(number(after, "audience")).isEqualTo(number(before, "audience") + reached);
        assertThat(number(after, "acknowledgementsAsked")).isEqualTo(number(before, "acknowledgementsAsked") + reached);
        assertThat(number(after, "acknowledged")).isEqualTo(number(before, "acknowledged") + 1);
        assertThat(number(after, "opened")).isEqualTo(number(before, "opened") + 1);
    }

    @Test
    void aPeriodBeforeAnyPostShowsNoSchools() {
        Map<String, Object> dashboard = new AnnouncementSteps(web).ok(HttpMethod.GET, "leader.trust", DASHBOARD + "?from=2001-01-01&to=2001-12-31", null);
        assertThat(dashboard).containsEntry("announcements", 0);
        assertThat((List<?>) dashboard.get("schools")).isEmpty();
    }

    @Test
    void aSchoolLeaderIsToldTheDashboardIsTheTrustsAndAMuddledPeriodIsRefused() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        steps.call(HttpMethod.GET, "head.oakfield", DASHBOARD, null).expectStatus().isForbidden();
        problem(steps.call(HttpMethod.GET, "leader.trust", DASHBOARD + "?from=2026-12-01&to=2026-11-01", null))
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("from (2026-12-01) must not be after to"));
        problem(steps.call(HttpMethod.GET, "leader.trust", DASHBOARD + "?from=2024-01-01&to=2026-01-01", null))
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at most 366 days"));
        steps.call(HttpMethod.GET, "leader.trust", DASHBOARD + "?from=yesterday", null).expectStatus().isBadRequest();
    }

    private static WebTestClient.BodyContentSpec problem(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:bad-period");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> oakfield(Map<String, Object> dashboard) {
        return ((List<Map<String, Object>>) dashboard.get("schools")).stream()
            .filter(school -> "sch-001".equals(school.get("schoolId"))).findFirst()
            .orElse(Map.of("announcements", 0, "audience", 0, "opened", 0, "acknowledgementsAsked", 0, "acknowledged", 0));
    }

    private static long number(Map<String, Object> school, String field) {
        return ((Number) school.get(field)).longValue();
    }
}
