package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Deployed as the Kubernetes manifests deploy it (CHORUS_MANAGEMENT_PORT set), the api answers the kubelet's probes
 * and Prometheus on its management port, and its public port, the one the gateway forwards to, has no actuator.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "chorus.store.port=0",
    "chorus.store.data-dir=${java.io.tmpdir}/chorus-test-store/${random.uuid}",
    "chorus.identity.issuer-uri=${chorus.keycloak.url:http://127.0.0.1:8180}/realms/chorus",
    "CHORUS_MANAGEMENT_PORT=0"
})
@AutoConfigureWebTestClient(timeout = "60s")
class PrometheusScrapesTheManagementPortOnlyTests {

    @Autowired
    WebTestClient publicPort;

    WebTestClient management;

    @BeforeEach
    void connectAsPrometheus(@LocalManagementPort int port) {
        management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        management.get().uri("/actuator/health/readiness").exchange()
            .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).value(body -> assertThat(body).contains("jvm_memory_used_bytes"));
    }

    /** What the alerts of docs/operations.md read stays; the per-request "active" long-task timers do not (ADR 0403). */
    @Test
    void theAlertsMetricsAreScrapedWithoutActiveRequestTimers() {
        publicPort.get().uri("/api/v1/ping").exchange().expectStatus().isOk();
        management.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
            .expectBody(String.class).value(body -> assertThat(body)
                .contains("http_server_requests_seconds_count{", "http_server_requests_seconds_max{",
                    "mongodb_driver_commands_seconds_max{", "mongodb_driver_pool_checkedout{")
                .doesNotContain("http_server_requests_active_seconds"));
    }

    @Test
    void thePublicPortHasNoActuator() {
        publicPort.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        publicPort.get().uri("/actuator/health/readiness").exchange().expectStatus().isNotFound();
    }
}
