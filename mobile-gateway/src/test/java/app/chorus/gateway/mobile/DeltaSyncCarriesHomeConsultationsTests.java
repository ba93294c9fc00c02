package app.chorus.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.chorus.gateway.testing.CarerPhone;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Staff;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The carer's phone learns from the same sync call that a consultation wants them, and later that it no longer does. */
@GatewayTest
class DeltaSyncCarriesHomeConsultationsTests {

    @Autowired
    WebTestClient gateway;

    final Staff staff = new Staff();

    @Test
    void aNewConsultationArrivesByDeltaAndLeavesWhenItCloses() {
        String cursor = JsonPath.read(get("/mobile/v1/home"), "$.sync");
        String title = "Oakfield playground " + UUID.randomUUID();
        String id = staff.openConsultation("head.oakfield", "sch-001", title);

        String delta = get("/mobile/v1/sync?since=" + cursor);
        assertThat((List<String>) JsonPath.read(delta, "$.consultations[?(@.id == '" + id + "')].title")).containsExactly(title);
        assertThat((List<Boolean>) JsonPath.read(delta, "$.consultations[?(@.id == '" + id + "')].needsInput")).containsExactly(true);
        assertThat((List<String>) JsonPath.read(delta, "$.consultations[?(@.id == '" + id + "')].voices[*].as"))
            .containsExactly("pup-000001");

        String after = quiet(JsonPath.read(delta, "$.cursor"), id);

        staff.advance("head.oakfield", id);
        String closed = get("/mobile/v1/sync?since=" + after);
        assertThat((List<String>) JsonPath.read(closed, "$.consultationsRemoved")).contains(id);
        assertThat((List<String>) JsonPath.read(closed, "$.consultations[*].id")).doesNotContain(id);
    }

    @Test
    void aFeedOnlyCursorFromBeforeGetsTheWholeListAndACursorToGoOnFrom() {
        String id = staff.openConsultation("head.oakfield", "sch-001", "Oakfield library " + UUID.randomUUID());
        String combined = JsonPath.read(get("/mobile/v1/home"), "$.sync");
        String feedOnly = combined.substring(0, combined.indexOf('.'));

        String delta = get("/mobile/v1/sync?since=" + feedOnly);
        assertThat((List<String>) JsonPath.read(delta, "$.consultations[*].id")).contains(id);
        assertThat((String) JsonPath.read(delta, "$.cursor")).contains(".");
    }

    /** Follows the cursor until a sync says nothing of the consultation (its stage announcement stamps it once more). */
    private String quiet(String cursor, String id) {
        String[] at = {cursor};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String delta = get("/mobile/v1/sync?since=" + at[0]);
            at[0] = delta.contains(id) ? JsonPath.read(delta, "$.cursor") : at[0];
            return !delta.contains(id);
        });
        return at[0];
    }

    private String get(String path) {
        return CarerPhone.get(gateway, path);
    }
}
