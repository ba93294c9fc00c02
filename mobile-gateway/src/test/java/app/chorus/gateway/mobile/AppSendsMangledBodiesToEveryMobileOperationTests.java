package app.chorus.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Staff;
import app.chorus.testing.Tokens;
import app.chorus.testing.fuzz.Choices;
import app.chorus.testing.fuzz.MangledBodies;
import app.chorus.testing.fuzz.Refusals;
import app.chorus.testing.fuzz.SchemaExamples;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /mobile/v1} operation of the gateway's OpenAPI document that takes a JSON body or query parameters, sent
 * damaged bodies and queries ({@link MangledBodies}, seeded) with the carer's real token: never a 5xx, every 4xx a
 * problem naming the field or the rule, and a refused device registration leaves the carer's devices as they were.
 */
@GatewayTest
class AppSendsMangledBodiesToEveryMobileOperationTests {

    private static final long SEED = Long.getLong("chorus.fuzz.seed", 20_261_206L);
    private static final int BODIES = Integer.getInteger("chorus.fuzz.bodies", 25);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Object> KNOWN = Map.of("token", "f".repeat(40) + ":APA91b" + "x".repeat(120),
        "platform", "android", "appVersion", "2.1.0", "locale", "en-GB", "channels", List.of("push"),
        "mutedSchools", List.of("sch-001"), "quietFrom", "21:00", "quietUntil", "07:00", "fromPush", true);

    @Autowired
    WebTestClient gateway;

    @LocalServerPort
    int port;

    private final List<String> failures = new ArrayList<>();
    private int sent;

    @Test
    void noDamagedBodyOrQueryGivesAServerErrorAndARefusedRegistrationKeepsNoDevice() {
        String announcement = new Staff().publish("head.oakfield", Staff.post("sch-001", List.of("sch-001"), "Fuzzed notice", true));
        JsonNode document = JSON.readTree(gateway.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
            .returnResult().getResponseBody());
        SchemaExamples examples = new SchemaExamples(document, KNOWN);
        MangledBodies mangle = new MangledBodies(Choices.seeded(SEED));
        int operations = 0;
        JsonNode paths = document.get("paths");
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/mobile/v1/")) {
                continue;
            }
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
                List<String> query = new ArrayList<>();
                operation.path("parameters").forEach(p -> {
                    if ("query".equals(p.path("in").asString())) {
                        query.add(p.path("name").asString());
                    }
                });
                if (schema.isMissingNode() && query.isEmpty()) {
                    continue;
                }
                operations++;
                String uri = path.replace("{id}", announcement).replace("{installationId}", "fuzz-phone");
                HttpMethod verb = HttpMethod.valueOf(method.toUpperCase());
                String key = verb + " " + path;
                JsonNode valid = schema.isMissingNode() ? null : examples.of(schema);
                for (int i = 0; valid != null && i < BODIES; i++) {
                    MangledBodies.Mangled mangled = mangle.mangle(valid);
                    boolean device = path.startsWith("/mobile/v1/devices/");
                    List<String> before = device ? devices() : null;
                    int status = send(verb, uri, mangled.body(), key + " with " + mangled.describe());
                    if (device && status >= 400 && status < 500) {
                        assertThat(devices()).as("devices after %s refused with %d", mangled.describe(), status).isEqualTo(before);
                    }
                }
                for (int i = 0; !query.isEmpty() && i < BODIES; i++) {
                    UriComponentsBuilder damaged = UriComponentsBuilder.fromPath(uri);
                    query.forEach(name -> damaged.queryParam(name, mangle.queryValue()));
                    String target = damaged.build().encode().toUriString();
                    send(verb, target, valid == null ? null : JSON.writeValueAsBytes(valid), key + " with query " + target);
                }
            }
        }
        System.out.printf("Mangled mobile input: %d operations, %d requests, %d findings%n", operations, sent, failures.size());
        assertThat(operations).as("mobile operations with a body or a query").isGreaterThanOrEqualTo(3);
        assertThat(failures).as("answers to damaged input (seed %d)", SEED).isEmpty();
    }

    private int send(HttpMethod method, String uri, byte[] body, String what) {
        WebTestClient.RequestBodySpec request = gateway.method(method).uri(URI.create("http://127.0.0.1:" + port + uri))
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"));
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        EntityExchangeResult<byte[]> result = ready.exchange().expectBody().returnResult();
        sent++;
        int status = result.getStatus().value();
        MediaType type = result.getResponseHeaders().getContentType();
        String wrong = Refusals.whatIsWrong(status, type == null ? null : type.toString(), result.getResponseBodyContent());
        if (wrong != null) {
            failures.add(what + ": " + status + " " + wrong);
        }
        return status;
    }

    private List<String> devices() {
        String devices = gateway.get().uri("/mobile/v1/devices").header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        JSON.readTree(devices).path("items").forEach(item -> ids.add(item.path("installationId").asString()));
        return ids;
    }
}
