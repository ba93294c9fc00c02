package app.chorus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.AbruptApiInstance;
import app.chorus.gateway.testing.ApiAttempts;
import app.chorus.gateway.testing.ApiInstanceStandIn;
import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.MovableClock;
import app.chorus.gateway.testing.Statuses;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Three api instances, one killed as SIGKILL kills a process: the call it dies on is the last one the gateway sends it
 * until its cool-off (10 s here, on a clock the test moves) is over. Writes without an Idempotency-Key, which a call
 * lost in flight could not repeat, all go to the two survivors meanwhile. After the cool-off it gets one trial call;
 * still dead, it is left out twice as long; back, it takes its turns again (ADR 0401).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    GatewayTest.ISSUER, GatewayTest.NO_STORE, "chorus.gateway.api-timeout=30s",
    "chorus.gateway.api-cool-off=10s", "chorus.gateway.api-longest-cool-off=40s",
    "chorus.gateway.rate-limits.per-user.capacity=10000",
    "chorus.gateway.rate-limits.per-device.capacity=10000",
    "chorus.gateway.rate-limits.per-user-creating.capacity=10000"
})
class GatewayStopsSendingToAnInstanceThatDiedTests {

    private static final ApiInstanceStandIn first = new ApiInstanceStandIn("first");
    private static final ApiInstanceStandIn second = new ApiInstanceStandIn("second");
    private static final AbruptApiInstance dying = new AbruptApiInstance("dying");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    ApiAttempts attempts;

    @DynamicPropertySource
    static void threeInstances(DynamicPropertyRegistry registry) {
        registry.add("chorus.gateway.api-urls", () -> first.url() + "," + second.url() + "," + dying.url());
    }

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        dying.close();
    }

    @TestConfiguration
    static class Watched {

        @Bean
        MovableClock gatewayClock() {
            return new MovableClock();
        }

        @Bean
        ApiAttempts apiAttempts() {
            return new ApiAttempts();
        }
    }

    @Test
    void theDeadInstanceGetsNothingDuringItsCoolOffOneTrialAfterItAndItsTurnsOnceBack() {
        WebClient app = WebClient.builder().baseUrl("http://127.0.0.1:" + port)
            .defaultHeader(HttpHeaders.AUTHORIZATION, Tokens.bearer("carer.demo")).build();
        dying.dieOnNextCall();
        callUntil(app, () -> dying.calls().size() == 1);
        int sentToTheDead = attempts.at(dying.url());

        int survivorsAnswered = answered(first) + answered(second);
        writesWithoutAKey(app, 30);
        assertThat(attempts.at(dying.url())).as("calls sent to the dead instance during its cool-off")
            .isEqualTo(sentToTheDead);
        assertThat(answered(first) + answered(second) - survivorsAnswered).as("writes the survivors answered")
            .isEqualTo(30);

        clock.moveOn(Duration.ofSeconds(11));
        writesWithoutAKey(app, 12);
        assertThat(attempts.at(dying.url())).as("trial calls once the cool-off was over, the instance still dead")
            .isEqualTo(sentToTheDead + 1);
        clock.moveOn(Duration.ofSeconds(11));
        writesWithoutAKey(app, 12);
        assertThat(attempts.at(dying.url())).as("calls sent 11 s into its second, doubled, cool-off")
            .isEqualTo(sentToTheDead + 1);

        dying.recover();
        clock.moveOn(Duration.ofSeconds(11));
        writesWithoutAKey(app, 12);
        assertThat(dying.calls()).as("calls the instance answered once back").hasSize(1 + 4)
            .last().satisfies(call -> assertThat(call.method()).isEqualTo("POST"));
    }

    /** Each answered 200: none reached an instance that could have lost it. */
    private static void writesWithoutAKey(WebClient app, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(status(app.post().uri("/api/v1/announcements").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"n\":" + i + "}"))).as("write %d without a key", i).isEqualTo(200);
        }
    }

    /** Reads (repeated on another instance when lost) until the condition holds: a turn each is enough. */
    private static void callUntil(WebClient app, BooleanSupplier condition) {
        for (int call = 0; call < 3 && !condition.getAsBoolean(); call++) {
            assertThat(status(app.method(HttpMethod.GET).uri("/api/v1/announcements"))).isEqualTo(200);
        }
        assertThat(condition.getAsBoolean()).as("the dying instance got its turn").isTrue();
    }

    private static int answered(ApiInstanceStandIn instance) {
        return instance.calls().size();
    }

    private static int status(WebClient.RequestHeadersSpec<?> request) {
        return Statuses.of(request, Duration.ofSeconds(30));
    }
}
