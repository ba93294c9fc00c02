package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web client's API types are generated from web-client/openapi/api.json. This test keeps that
 * snapshot equal to what the api really publishes, so a changed endpoint breaks the web build
 * (type errors) instead of the browser. Refresh with -Dchorus.openapi.write=true.
 */
@ApiTest
class OpenApiSnapshotTests {

    static final String REFRESH = "mvn -pl api test -Dtest=OpenApiSnapshotTests -Dchorus.openapi.write=true";

    static final JsonMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .build();

    @Autowired
    WebTestClient web;

    @Test
    void webClientSnapshotMatchesThePublishedOpenApiDocument() throws IOException {
        byte[] published = web.get().uri("/v3/api-docs").exchange()
            .expectStatus().isOk()
            .expectBody().returnResult().getResponseBody();
        JsonNode live = withoutServers(JSON.readTree(published));
        Path snapshot = snapshotPath();

        if (Boolean.getBoolean("chorus.openapi.write")) {
            Files.createDirectories(snapshot.getParent());
            Files.writeString(snapshot, JSON.writeValueAsString(live) + "\n");
            return;
        }
        assertThat(snapshot).as("OpenAPI snapshot %s is missing: run %s", snapshot, REFRESH).exists();
        JsonNode committed = JSON.readTree(Files.readString(snapshot));
        assertThat(committed)
            .as("web-client/openapi/api.json differs from the api's /v3/api-docs: run %s and commit it", REFRESH)
            .isEqualTo(live);
    }

    /** The server URL names the random test port; it is not part of the contract. */
    private static JsonNode withoutServers(JsonNode document) {
        if (document instanceof tools.jackson.databind.node.ObjectNode object) {
            object.remove("servers");
        }
        return document;
    }

    private static Path snapshotPath() {
        String configured = System.getProperty("chorus.openapi.snapshot");
        if (configured != null) {
            return Path.of(configured);
        }
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("web-client")) ? here : here.getParent();
        return root.resolve("web-client/openapi/api.json");
    }
}
