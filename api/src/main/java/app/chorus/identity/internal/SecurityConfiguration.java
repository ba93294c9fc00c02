package app.chorus.identity.internal;

import app.chorus.edge.BearerTokens;
import app.chorus.edge.ProblemResponses;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;

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

    /** Always, not only on HTTPS requests: TLS ends in front of the api (ADR 0190). */
    private static final String HSTS = "max-age=31536000; includeSubDomains";
    /** The api answers JSON; only its Swagger UI is a page, and nothing may frame either. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @Bean
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemResponses problems) {
        return BearerTokens.only(http, jwtDecoder, new TokenToCurrentUser(), problems)
            .headers(headers -> headers
                .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .writer(StaticServerHttpHeadersWriter.builder().header("Strict-Transport-Security", HSTS).build())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(PUBLIC_PATHS).permitAll()
                .anyExchange().authenticated())
            .build();
    }

    /**
     * No observations of Spring Security's own (the filter chain's phases, each filter, the authentication and the
     * authorization of every request: ADR 0331); every refusal still shows in {@code http.server.requests} as its 401
     * or 403.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties identity) {
        ReactiveJwtDecoder decoder = BearerTokens.decoder(identity.effectiveJwkSetUri(), identity.issuerUri(),
            identity.audience(), identity.clockSkew());
        return identity.verifiedTokens() > 0 ? new VerifiedTokens(decoder, identity.verifiedTokens(), Clock.systemUTC()) : decoder;
    }
}
