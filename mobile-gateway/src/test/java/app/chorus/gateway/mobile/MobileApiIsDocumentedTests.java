package app.chorus.gateway.mobile;

import app.chorus.gateway.testing.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/** An app developer finds the mobile endpoints and their payload schemas in the gateway's OpenAPI document. */
@GatewayTest
class MobileApiIsDocumentedTests {

    @Autowired
    WebTestClient gateway;

    @Test
    void homeAndSyncPayloadsHaveSchemas() {
        gateway.get().uri("/v3/api-docs")
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.paths['/mobile/v1/home'].get").exists()
            .jsonPath("$.paths['/mobile/v1/sync'].get").exists()
            .jsonPath("$.paths['/mobile/v1/devices/{installationId}'].put").exists()
            .jsonPath("$.paths['/mobile/v1/announcements/{id}/acknowledged'].post").exists()
            .jsonPath("$.components.schemas.MobileHome.properties.announcements").exists()
            .jsonPath("$.components.schemas.MobileDelta.properties.removed").exists()
            .jsonPath("$.components.schemas.MobileAnnouncement.properties.children").exists();
    }
}
