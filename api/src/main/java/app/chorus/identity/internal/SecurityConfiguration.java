package app.chorus.identity.internal;

import app.chorus.edge.BearerTokens;
import app.chorus.edge.ProblemResponses;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Bearer tokens only (the checks and refusals shared with the gateway, ADR 0170); everything but the docs signed in. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    private static final String[] PUBLIC_PATHS = {
        "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**",
        "/api/v1/ping"
    };

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemResponses problems) {
        return BearerTokens.only(http, jwtDecoder, new TokenToCurrentUser(), problems)
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(PUBLIC_PATHS).permitAll()
                .anyExchange().authenticated())
            .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties identity) {
        ReactiveJwtDecoder decoder = BearerTokens.decoder(identity.effectiveJwkSetUri(), identity.issuerUri(),
            identity.audience(), identity.clockSkew());
        return identity.verifiedTokens() > 0 ? new VerifiedTokens(decoder, identity.verifiedTokens(), Clock.systemUTC()) : decoder;
    }
}
