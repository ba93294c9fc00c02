package app.chorus.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer's token registering phone after phone (a script, or a reinstalling app) keeps at most ten devices: each
 * new one retires the longest unseen, which then receives no more pushes and can be registered again.
 */
@ApiTest
class OnePersonKeepsAtMostTenDevicesTests {

    @Autowired
    ApplicationContext context;

    @Test
    void theTwelfthPhoneRetiresTheTwoLongestUnseen() {
        WebTestClient carer = TestJwts.as(context, "carer.capped", "car-000077", "carer");
        String run = Long.toString(System.nanoTime());
        for (int phone = 1; phone <= 12; phone++) {
            carer.put().uri("/api/v1/devices/phone-{n}", phone)
                .bodyValue(Map.of("token", "fcm-capped-" + run + "-" + phone + "-abcdefghijklmnop", "platform", "android"))
                .exchange().expectStatus().isOk();
        }

        List<String> kept = installations(carer);
        assertThat(kept).hasSize(10).doesNotContain("phone-1", "phone-2").contains("phone-3", "phone-12");

        kept.forEach(id -> carer.delete().uri("/api/v1/devices/{id}", id).exchange().expectStatus().is2xxSuccessful());
        assertThat(installations(carer)).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<String> installations(WebTestClient carer) {
        Map<String, Object> page = carer.get().uri("/api/v1/devices").exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<Map<String, Object>>) page.get("items")).stream().map(device -> (String) device.get("installationId")).toList();
    }
}
