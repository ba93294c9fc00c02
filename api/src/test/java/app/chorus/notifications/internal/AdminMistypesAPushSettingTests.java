package app.chorus.notifications.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator who sets an impossible push setting learns which one at start-up, before anything is sent: not a bare
 * thread-pool error from deep inside the Firebase SDK's executor.
 */
class AdminMistypesAPushSettingTests {

    private final ApplicationContextRunner api = new ApplicationContextRunner().withUserConfiguration(PushSettings.class);

    @Test
    void noRequestsInFlightIsRefusedNamingTheSetting() {
        api.withPropertyValues("chorus.push.http-concurrency-least=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("httpConcurrencyLeast")
                .hasMessageContaining("must be greater than 0");
        });
    }

    @Test
    void fewestAboveMostIsRefused() {
        api.withPropertyValues("chorus.push.http-concurrency-least=64", "chorus.push.http-concurrency=32").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("chorus.push.http-concurrency-least must not be above chorus.push.http-concurrency");
        });
    }

    @Test
    void moreThanFcmAllowsPerCallIsRefused() {
        api.withPropertyValues("chorus.push.messages-per-call=501").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("messagesPerCall")
                .hasMessageContaining("FCM's limit per sendEach");
        });
    }

    @Test
    void theDefaultsStart() {
        api.run(context -> assertThat(context).hasNotFailed().getBean(PushProperties.class)
            .extracting(PushProperties::httpConcurrency).isEqualTo(625));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PushProperties.class)
    static class PushSettings {
    }
}
