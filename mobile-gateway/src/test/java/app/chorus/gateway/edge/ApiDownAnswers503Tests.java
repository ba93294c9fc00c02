package app.chorus.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * When the api hangs (accepts connections, never answers) or is gone, the app gets a clear 503 problem within
 * the api timeout (1 s here), and once the breaker has opened, at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "chorus.gateway.api-timeout=1s"
})
@AutoConfigureWebTestClient(timeout = "30s")
class ApiDownAnswers503Tests {

    private static final HangingApi hanging = new HangingApi();

    @Autowired
    WebTestClient gateway;

    @DynamicPropertySource
    static void hangingApi(DynamicPropertyRegistry registry) {
        registry.add("chorus.gateway.api-url", () -> "http://127.0.0.1:" + hanging.port());
    }

    @AfterAll
    static void stop() {
        hanging.close();
    }

    @Test
    void aHangingApiGivesA503ProblemWithinTheTimeoutThenFailsFast() {
        String token = Tokens.bearer("carer.demo");
        gateway.get().uri("/api/v1/me").header(HttpHeaders.AUTHORIZATION, token).exchange()
            .expectStatus().isEqualTo(503); // warm-up: the realm's signing keys are fetched on first use
        for (int call = 0; call < 10; call++) {
            long started = System.nanoTime();
            String path = call % 2 == 0 ? "/api/v1/me" : "/mobile/v1/home";
            apiUnavailable(gateway.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).exchange());
            // bounded by the api timeout (1 s), with room for a loaded machine: not the client's 30 s
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        }
        int reachedTheApi = hanging.accepted();
        assertThat(reachedTheApi).as("calls that reached the hanging api before the breaker opened").isPositive();
        gateway.get().uri("/api/v1/me")
            .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isEqualTo(503);
        assertThat(hanging.accepted()).as("the open breaker answers without going to the api").isEqualTo(reachedTheApi);
    }

    /** The app's answer when the gateway cannot reach the api: a 503 problem that says to try again, with Retry-After. */
    static void apiUnavailable(WebTestClient.ResponseSpec answer) {
        answer.expectStatus().isEqualTo(503)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:chorus:problem:api-unavailable")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("try again"));
    }

    /** A socket that accepts connections and never answers: an api stuck in a GC pause or a dead node. */
    static final class HangingApi implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();

        HangingApi() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread acceptor = new Thread(this::accept, "hanging-api");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        /** Connections the gateway opened to this api: each call that timed out closed its own. */
        int accepted() {
            synchronized (held) {
                return held.size();
            }
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                } catch (IOException closed) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            try {
                server.close();
                synchronized (held) {
                    for (Socket socket : held) {
                        socket.close();
                    }
                }
            } catch (IOException ignored) {
                // closing a test stand-in
            }
        }
    }
}
