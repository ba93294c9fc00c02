package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.notifications.internal.devices.Recipients;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class LeaderPreviewsReachWithDevicesTests {

    private static final Map<String, Object> OAKFIELD_CARERS_AND_STAFF = audience("SCHOOLS", List.of("sch-001"), "CARERS", "STAFF");

    @Autowired
    WebTestClient web;

    @Autowired
    Recipients recipients;

    @Test
    void aCarersTwoPhonesCountTwiceAsDevicesOnceAsPeopleAndARetiredTokenNotAtAll() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> before = preview(steps);
        String run = Long.toString(System.nanoTime());

        register("carer.demo", "phone-" + run, "fcm-carer-phone-" + run);
        register("carer.demo", "tablet-" + run, "fcm-carer-tablet-" + run);
        register("carer.demo", "old-phone-" + run, "fcm-carer-old-" + run);
        register("teacher.oakfield", "staff-phone-" + run, "fcm-teacher-" + run);
        recipients.retireToken("fcm-carer-old-" + run, "car-000001", "UNREGISTERED").block();
        Map<String, Object> after = preview(steps);

        assertThat(after.get("people")).as("people do not change when they add phones").isEqualTo(before.get("people"));
        assertThat(role(after, "byRole", "CARERS")).isEqualTo(role(before, "byRole", "CARERS"));
        assertThat(deviceCount(after, "byRole", "CARERS")).as("two working carer devices, the retired one not counted")
            .isEqualTo(deviceCount(before, "byRole", "CARERS") + 2);
        assertThat(deviceCount(after, "byRole", "STAFF")).isEqualTo(deviceCount(before, "byRole", "STAFF") + 1);
        assertThat(number(devices(after).get("total"))).isEqualTo(number(devices(before).get("total")) + 3);
        assertThat(schoolDevices(after, "CARERS")).isEqualTo(schoolDevices(before, "CARERS") + 2);
    }

    @Test
    void theSchoolPreviewSplitsPeopleByRoleAndCountsOnlyThatSchool() {
        Map<String, Object> preview = preview(new AnnouncementSteps(web));

        assertThat(role(preview, "byRole", "CARERS")).isPositive();
        assertThat(role(preview, "byRole", "STAFF")).isPositive();
        assertThat(role(preview, "byRole", "PUPILS")).isZero();
        assertThat(number(preview.get("people"))).isEqualTo(role(preview, "byRole", "CARERS") + role(preview, "byRole", "STAFF"));
        assertThat(bySchool(preview)).containsOnlyKeys("sch-001");
    }

    @Test
    void aSchoolLeaderCannotPreviewAnotherSchool() {
        new AnnouncementSteps(web).call(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/reach-preview",
                Map.of("audience", audience("SCHOOLS", List.of("sch-002"), "CARERS")))
            .expectStatus().isForbidden()
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:audience-outside-scope");
    }

    private static Map<String, Object> preview(AnnouncementSteps steps) {
        return steps.ok(HttpMethod.POST, "head.oakfield", "/api/v1/announcements/reach-preview",
            Map.of("audience", OAKFIELD_CARERS_AND_STAFF));
    }

    private void register(String login, String installationId, String token) {
        web.put().uri("/api/v1/devices/" + installationId).header("Authorization", Tokens.bearer(login))
            .bodyValue(Map.of("token", token, "platform", "android", "appVersion", "2.0.0"))
            .exchange().expectStatus().isOk();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> devices(Map<String, Object> preview) {
        return (Map<String, Object>) preview.get("devices");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> bySchool(Map<String, Object> counts) {
        return (Map<String, Map<String, Object>>) counts.get("bySchool");
    }

    @SuppressWarnings("unchecked")
    private static long role(Map<String, Object> counts, String field, String role) {
        return number(((Map<String, Object>) counts.get(field)).get(role));
    }

    private static long deviceCount(Map<String, Object> preview, String field, String role) {
        return role(devices(preview), field, role);
    }

    private static long schoolDevices(Map<String, Object> preview, String role) {
        return number(bySchool(devices(preview)).getOrDefault("sch-001", Map.of()).get(role));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
