package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.ApiTest;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * An integrator who puts an id in a path without encoding it well (an encoded NUL, slash or percent sign, a ';') is
 * refused by the firewall in front of the api, and gets a problem saying so, over HTTP and in-process alike, where it
 * used to get a bare 400 with no body (found by the api's fuzzing).
 */
@ApiTest
class IntegratorIsToldWhatIsWrongWithAPathTests {

    private static final List<String> PATHS = List.of("/api/v1/surveys/%00/goal", "/api/v1/surveys/a%2Fb",
        "/api/v1/announcements/50%25", "/api/v1/decisions/d;v=1");

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void aPathTheFirewallRefusesIsAnsweredWithAProblem() {
        WebTestClient inProcess = TestJwts.as(context, "leader.trust", "stf-00001", "trust-leader", "staff");
        WebTestClient overHttp = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        for (WebTestClient client : List.of(overHttp, inProcess)) {
            String base = client == overHttp ? "http://127.0.0.1:" + port : "";
            for (String path : PATHS) {
                client.get().uri(URI.create(base + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.rule").isEqualTo("rejected-request")
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).as(path).contains("path segment"));
            }
        }
    }
}
