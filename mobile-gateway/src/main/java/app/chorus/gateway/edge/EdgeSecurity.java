package app.chorus.gateway.edge;

import app.chorus.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The gateway validates the Keycloak JWT itself (issuer, signature, expiry, audience {@code chorus-api}) before
 * relaying it: the Authorization header travels on to the api untouched, which validates it again. Refusals
 * are problem details, with the standard {@code WWW-Authenticate} challenge. Management endpoints other than health
 * are out of reach from outside (the probes use health; metrics are scraped from the api).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class EdgeSecurity {

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http, GatewayProperties properties, EdgeProblems problems) {
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .headers(headers -> EdgeHeaders.secure(headers, properties.issuerUri()))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/mobile/v1/ping", "/api/v1/ping").permitAll()
                .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .pathMatchers("/actuator", "/actuator/**").denyAll()
                .pathMatchers("/api/**", "/mobile/**").authenticated()
                .anyExchange().permitAll())
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtDecoder(tokens(properties)))
                .authenticationEntryPoint((exchange, failure) -> problems.write(exchange, unauthenticated(failure)))
                .accessDeniedHandler((exchange, denied) -> problems.write(exchange,
                    new EdgeProblem(403, "forbidden", "Forbidden", "Your sign-in does not allow this."))))
            .build();
    }

    /** Signature (realm keys), expiry, issuer and audience: the same checks the api makes. */
    private static ReactiveJwtDecoder tokens(GatewayProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for Chorus", null);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.issuerUri()),
            jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())
                ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(wrongAudience)));
        return decoder;
    }

    private static EdgeProblem unauthenticated(AuthenticationException failure) {
        boolean invalid = failure instanceof OAuth2AuthenticationException;
        return new EdgeProblem(401, "unauthenticated", "Sign-in required", invalid
            ? "Your sign-in token was not accepted (expired, forged or not issued for Chorus). Sign in again."
            : "Sign in to Chorus and send the access token as 'Authorization: Bearer ...'.")
            .header(HttpHeaders.WWW_AUTHENTICATE, invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
    }
}
