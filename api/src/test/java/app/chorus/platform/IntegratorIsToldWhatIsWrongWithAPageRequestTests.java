package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.ApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator paging through any list of the api (every GET of the OpenAPI document taking {@code limit} or
 * {@code cursor} with no path parameter to fill) with a negative limit or a cursor it made up gets a 400 problem naming
 * the parameter, never a page; and a query that is not even valid percent-encoding still gets a problem body.
 */
@ApiTest
class IntegratorIsToldWhatIsWrongWithAPageRequestTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient web;

    @LocalServerPort
    int port;

    @Test
    void aNegativeLimitIsRefusedOnEveryList() {
        List<String> lists = lists("limit");
        assertThat(lists).isNotEmpty();
        for (String list : lists) {
            leader().get().uri(list + "?limit=-5").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).as(list).contains("limit"));
        }
    }

    @Test
    void aMadeUpCursorIsRefusedOnEveryList() {
        List<String> lists = lists("cursor");
        assertThat(lists).isNotEmpty();
        for (String list : lists) {
            leader().get().uri(list + "?cursor={cursor}", "%%%garbage").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).as(list).contains("cursor"));
        }
    }

    @Test
    void aQueryThatIsNotPercentEncodingGetsAProblemBody() throws IOException {
        String answer = raw("GET /api/v1/announcements?cursor=%%%garbage HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
    }

    @Test
    void aQueryLongerThanTheRequestLineLimitGetsAProblemRatherThanSilence() throws IOException {
        String answer = raw("GET /api/v1/announcements?cursor=" + "x".repeat(5_000)
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 414");
        assertThat(answer).containsIgnoringCase("content-type: application/problem+json").contains("uri-too-long");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private WebTestClient leader() {
        return TestJwts.as(context, "leader.trust", "stf-00001", "trust-leader", "staff");
    }

    private List<String> lists(String parameter) {
        byte[] document = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(document).get("paths");
        List<String> lists = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            JsonNode get = paths.get(path).get("get");
            if (get == null || path.contains("{")) {
                continue;
            }
            for (JsonNode query : get.path("parameters")) {
                if (parameter.equals(query.path("name").asString()) && !hasRequired(get, parameter)) {
                    lists.add(path);
                }
            }
        }
        return lists;
    }

    /** Lists with another required query parameter (the feed's delta needs {@code since}) are left out. */
    private static boolean hasRequired(JsonNode operation, String except) {
        for (JsonNode query : operation.path("parameters")) {
            if (query.path("required").asBoolean() && !except.equals(query.path("name").asString())) {
                return true;
            }
        }
        return false;
    }
}
