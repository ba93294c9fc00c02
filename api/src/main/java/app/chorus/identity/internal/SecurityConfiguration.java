package app.chorus.identity.internal;

import app.chorus.platform.ProblemWriter;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

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
    SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, ProblemWriter problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge(failure));
            return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthorized", detail(failure));
        };
        ServerAccessDeniedHandler denied = (exchange, failure) -> problems.write(exchange, HttpStatus.FORBIDDEN,
            "forbidden", "Forbidden", "Your role does not allow this action.");
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .headers(headers -> headers
                .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                .writer(StaticServerHttpHeadersWriter.builder().header("Strict-Transport-Security", HSTS).build())
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(PUBLIC_PATHS).permitAll()
                .anyExchange().authenticated())
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(new TokenToCurrentUser()))
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(denied))
            .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied))
            .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(IdentityProperties identity) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(identity.effectiveJwkSetUri()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(identity.clockSkew()),
            new JwtIssuerValidator(identity.issuerUri()),
            audience(identity.audience())));
        return identity.verifiedTokens() > 0 ? new VerifiedTokens(decoder, identity.verifiedTokens(), Clock.systemUTC()) : decoder;
    }

    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token", "The token is not meant for this API (audience " + expected + " missing)", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(expected)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    private static String challenge(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException) {
            return "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"";
        }
        return "Bearer";
    }

    private static String detail(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            return oauth.getError().getDescription() + ". Sign in again to get a fresh token.";
        }
        return "Sign in first: send an access token from the Chorus Keycloak realm as 'Authorization: Bearer <token>'.";
    }
}
