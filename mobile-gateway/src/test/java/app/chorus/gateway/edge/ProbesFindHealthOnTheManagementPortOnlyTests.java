package app.chorus.gateway.edge;

import app.chorus.gateway.testing.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Deployed as the Kubernetes manifests deploy it (CHORUS_MANAGEMENT_PORT set), the gateway answers the kubelet's
 * probes on its management port, and whoever reaches its public port through the ingress finds no actuator at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "CHORUS_MANAGEMENT_PORT=0", "chorus.gateway.api-url=http://127.0.0.1:9"
})
class ProbesFindHealthOnTheManagementPortOnlyTests {

    @LocalServerPort
    int publicPort;

    @LocalManagementPort
    int managementPort;

    private static WebTestClient on(int port) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void theProbesAreAnsweredOnTheManagementPort() {
        on(managementPort).get().uri("/actuator/health/readiness").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        on(managementPort).get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
    }

    @Test
    void thePublicPortHasNoActuator() {
        on(publicPort).get().uri("/actuator/health/readiness").exchange().expectStatus().isNotFound();
        on(publicPort).get().uri("/actuator/health").exchange().expectStatus().isNotFound();
    }
}
