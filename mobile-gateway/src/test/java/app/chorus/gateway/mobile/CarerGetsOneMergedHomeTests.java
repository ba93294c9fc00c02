package app.chorus.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Staff;
import app.chorus.testing.Tokens;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * carer.demo has a child at Oakfield (sch-001) and one at Riverside (sch-002): one call gives one home screen with
 * both schools' announcements, the one awaiting acknowledgement first, each labelled with the child it concerns,
 * and the survey waiting for an answer about the Oakfield child.
 */
@GatewayTest
class CarerGetsOneMergedHomeTests {

    @Autowired
    WebTestClient gateway;

    final Staff staff = new Staff();

    @Test
    void bothSchoolsAndTheTrustInOneHomeWithChildLabels() {
        String oakfield = staff.publish("head.oakfield", Staff.post("sch-001", List.of("sch-001"), "Oakfield nativity", false));
        String riverside = staff.publish("head.riverside", Staff.post("sch-002", List.of("sch-002"), "Riverside trip form", true));
        String trust = staff.publish("leader.trust", Staff.post(null, List.of("sch-001", "sch-002"), "Trust inset day", false));
        String survey = staff.openSurvey("head.oakfield", "sch-001", "Oakfield lunches");

        String home = gateway.get().uri("/mobile/v1/home")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectHeader().exists(HttpHeaders.ETAG)
            .expectBody(String.class).returnResult().getResponseBody();

        List<Map<String, Object>> children = JsonPath.read(home, "$.children");
        assertThat(children).extracting(child -> child.get("schoolId")).contains("sch-001", "sch-002");
        String oakfieldChild = label(children, "sch-001");
        String riversideChild = label(children, "sch-002");
        assertThat(oakfieldChild).contains("Oakfield");

        List<String> ids = JsonPath.read(home, "$.announcements[*].id");
        assertThat(ids).contains(oakfield, riverside, trust);
        assertThat(ids.get(0)).as("the one awaiting acknowledgement comes first").isEqualTo(riverside);
        assertThat(childrenOf(home, oakfield)).containsExactly(oakfieldChild);
        assertThat(childrenOf(home, riverside)).containsExactly(riversideChild);
        assertThat(childrenOf(home, trust)).containsExactlyInAnyOrder(oakfieldChild, riversideChild);
        assertThat((Integer) JsonPath.read(home, "$.awaitingAcknowledgement")).isGreaterThanOrEqualTo(1);
        assertThat((String) JsonPath.read(home, "$.sync")).isNotBlank();
        List<String> surveyUnits = JsonPath.read(home, "$.surveys[?(@.id == '" + survey + "')].units[*].label");
        assertThat(surveyUnits).as("one answer for the Oakfield child").containsExactly(oakfieldChild);
    }

    @Test
    void aReceiptFromTheAppReachesTheSchoolsReachFigures() {
        String notice = staff.publish("head.riverside", Staff.post("sch-002", List.of("sch-002"), "Sports day kit", true));

        gateway.post().uri("/mobile/v1/announcements/{id}/opened", notice)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .bodyValue(Map.of("fromPush", false))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.openedAt").isNotEmpty();
        gateway.post().uri("/mobile/v1/announcements/{id}/acknowledged", notice)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .header("Idempotency-Key", "ack-" + notice)
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.acknowledgedAt").isNotEmpty();

        Map<String, Object> reach = staff.reach("head.riverside", notice);
        assertThat(((Number) ((Map<?, ?>) reach.get("acknowledged")).get("total")).longValue()).isEqualTo(1);
        assertThat(((Number) ((Map<?, ?>) reach.get("opened")).get("total")).longValue()).isEqualTo(1);
    }

    private static String label(List<Map<String, Object>> children, String schoolId) {
        return children.stream().filter(child -> schoolId.equals(child.get("schoolId")))
            .map(child -> (String) child.get("label")).findFirst().orElseThrow();
    }

    private static List<String> childrenOf(String home, String announcementId) {
        List<List<String>> labels = JsonPath.read(home, "$.announcements[?(@.id == '" + announcementId + "')].children");
        return labels.get(0);
    }
}
