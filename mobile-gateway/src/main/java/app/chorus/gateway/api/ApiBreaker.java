package app.chorus.gateway.api;

import app.chorus.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker named {@value #NAME} guards every call to the api, from the {@code /api/**} route and
 * from the mobile endpoints alike: when the api is down or too slow, callers get a 503 problem at once
 * instead of queueing behind a dead connection.
 */
@Configuration(proxyBeanMethods = false)
class ApiBreaker {

    static final String NAME = "api";
    static final int TRIAL_CALLS = 8;

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> apiBreakerSettings(GatewayProperties properties,
                                                                            EjectedInstances ejected) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
            .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.apiTimeout()).build())
            .circuitBreakerConfig(CircuitBreakerConfig.custom()
                // a window wide enough that one of several api instances dying (the calls it had in flight that cannot
                // be repeated fail) does not open the breaker for the instances still answering (ADR 0307)
                .slidingWindowSize(100)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(10))
                // more trial calls than the widest composition makes at once: the home makes 4 calls together, and with
                // 3 trial calls its 4th was refused, the other 3 cancelled unrecorded, and the breaker stayed half-open
                // for good (the gateway refused every home after an api outage until the gateway was restarted)
                .permittedNumberOfCallsInHalfOpenState(TRIAL_CALLS)
                // and trial calls that never report back must not hold it half-open either
                .maxWaitDurationInHalfOpenState(Duration.ofSeconds(5))
                // a call lost on one instance while others answer is that instance's failure: it is ejected from the
                // round robin instead, and the calls it held too long to be repeated in time go with it (ADR 0401)
                .ignoreException(failure -> failure instanceof ApiProblem || ejected.failureOfAnInstanceOut(failure))
                .build())
            .build());
    }
}
