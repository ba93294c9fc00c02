package app.chorus.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.CarerPhone;
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
 * An app that kept the home's sync cursor gets exactly what changed since: the edit, the retraction (as a tombstone with
 * the school's reason, ADR 0274), the read.
 */
@GatewayTest
class DeltaSyncReturnsOnlyChangesTests {

    @Autowired
    WebTestClient gateway;

    final Staff staff = new Staff();

    @Test
    void anEditARetractionAndAReadElsewhereAndNothingElse() {
        Map<String, Object> menu = Staff.post("sch-001", List.of("sch-001"), "Lunch menu", false);
        String edited = staff.publish("head.oakfield", menu);
        String retracted = staff.publish("head.oakfield", Staff.post("sch-001", List.of("sch-001"), "Wrong date", false));
        String readOnTablet = staff.publish("head.riverside", Staff.post("sch-002", List.of("sch-002"), "Parents evening", false));
        String untouched = staff.publish("head.riverside", Staff.post("sch-002", List.of("sch-002"), "Uniform shop", false));
        String cursor = JsonPath.read(get("/mobile/v1/home"), "$.sync");

        staff.edit("head.oakfield", edited, Staff.post("sch-001", List.of("sch-001"), "Lunch menu (updated)", false));
        staff.retract("head.oakfield", retracted);
        gateway.post().uri("/mobile/v1/announcements/{id}/opened", readOnTablet)
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .header("X-Device-Id", "tablet")
            .exchange()
            .expectStatus().isOk();

        String delta = get("/mobile/v1/sync?since=" + cursor);

        List<String> changed = JsonPath.read(delta, "$.changed[*].id");
        assertThat(changed).containsExactlyInAnyOrder(edited, retracted);
        assertThat((List<String>) JsonPath.read(delta, "$.changed[?(@.id == '" + edited + "')].title")).containsExactly("Lunch menu (updated)");
        assertThat((List<Boolean>) JsonPath.read(delta, "$.changed[?(@.id == '" + edited + "')].edited")).containsExactly(true);
        assertThat((List<Boolean>) JsonPath.read(delta, "$.changed[?(@.id == '" + retracted + "')].withdrawn")).containsExactly(true);
        assertThat((List<String>) JsonPath.read(delta, "$.changed[?(@.id == '" + retracted + "')].withdrawalReason"))
            .containsExactly("Sent in error");
        assertThat((List<Object>) JsonPath.read(delta, "$.changed[?(@.id == '" + retracted + "')].summary")).containsOnlyNulls();
        assertThat((List<String>) JsonPath.read(delta, "$.removed")).isEmpty();
        assertThat((List<String>) JsonPath.read(delta, "$.read[*].id")).containsExactly(readOnTablet);
        assertThat(delta).doesNotContain(untouched);

        String next = get("/mobile/v1/sync?since=" + JsonPath.read(delta, "$.cursor"));
        assertThat((List<?>) JsonPath.read(next, "$.changed")).isEmpty();
        assertThat((List<?>) JsonPath.read(next, "$.removed")).isEmpty();
        assertThat((List<?>) JsonPath.read(next, "$.read")).isEmpty();
    }

    private String get(String path) {
        return CarerPhone.get(gateway, path);
    }
}
