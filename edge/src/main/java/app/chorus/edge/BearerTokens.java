package app.chorus.edge;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The Keycloak access token checks of the api and the gateway alike: signature (the realm's keys), expiry, issuer
 * and audience; a stateless bearer-only security chain whose refusals are problem details with the standard
 * {@code WWW-Authenticate} challenge.
 */
public final class BearerTokens {

    private BearerTokens() {
    }

    /** How long fetching the realm's keys may take before the request is answered 503 (a hung Keycloak must not hang us). */
    static final Duration KEYS_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Keys once fetched stay in use while Keycloak is down: they are fetched again only for a token signed with a key
     * not seen yet, and that fetch gives up after {@link #KEYS_TIMEOUT}; tokens arriving during a fetch share it.
     */
    public static ReactiveJwtDecoder decoder(String jwkSetUri, String issuerUri, String audience, Duration clockSkew) {
        HttpClient keys = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) KEYS_TIMEOUT.toMillis())
            .responseTimeout(KEYS_TIMEOUT);
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
            .webClient(WebClient.builder().clientConnector(new ReactorClientHttpConnector(keys))
                .filter(new OneKeyFetchAtATime()).build())
            .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(clockSkew),
            new JwtIssuerValidator(issuerUri),
            audience(audience)));
        // keys that cannot be fetched surface as a bare IllegalStateException (a 500); as a JwtException Spring Security
        // makes it an AuthenticationServiceException, which is answered 503 (Unavailable)
        return token -> decoder.decode(token).onErrorMap(failure -> !(failure instanceof JwtException),
            failure -> new JwtException("The identity provider's signing keys could not be fetched", failure));
    }

    /**
     * Bearer tokens only: no session, cookie, form or CSRF; the caller adds its {@code authorizeExchange} rules.
     *
     * @param converter how a verified token becomes the authenticated caller (null: Spring's default)
     */
    public static ServerHttpSecurity only(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                          Converter<Jwt, ? extends Mono<? extends AbstractAuthenticationToken>> converter,
                                          ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> problems.write(exchange,
            failure instanceof AuthenticationServiceException ? Unavailable.identity() : unauthenticated(failure));
        ServerAccessDeniedHandler denied = (exchange, failure) -> problems.write(exchange, HttpStatus.FORBIDDEN,
            "forbidden", "Forbidden", "Your role does not allow this action.");
        return http
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .oauth2ResourceServer(server -> server
                .jwt(jwt -> {
                    jwt.jwtDecoder(decoder);
                    if (converter != null) {
                        jwt.jwtAuthenticationConverter(converter);
                    }
                })
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(denied))
            .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
    }

    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        OAuth2Error wrongAudience = new OAuth2Error("invalid_token",
            "The token is not meant for this API (audience " + expected + " missing)", null);
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(expected)
            ? OAuth2TokenValidatorResult.success()
            : OAuth2TokenValidatorResult.failure(wrongAudience);
    }

    private static ProblemException unauthenticated(AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException oauth) {
            String reason = oauth.getError().getDescription() != null ? oauth.getError().getDescription()
                : "The access token is invalid or expired";
            return new ProblemException(401, "unauthenticated", "Unauthorized", reason + ". Sign in again to get a fresh token.")
                .header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"invalid_token\", error_description=\"The access token is invalid or expired\"");
        }
        return new ProblemException(401, "unauthenticated", "Unauthorized",
            "Sign in first: send an access token from the Chorus Keycloak realm as 'Authorization: Bearer <token>'.")
            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
}
