package app.chorus.gateway.edge;

import app.chorus.edge.BearerTokens;
import app.chorus.edge.ProblemResponses;
import app.chorus.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
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
    SecurityWebFilterChain edge(ServerHttpSecurity http, GatewayProperties properties, ProblemResponses problems) {
        return BearerTokens.only(http, BearerTokens.decoder(properties.jwkSetUri(), properties.issuerUri(),
                properties.audience(), properties.clockSkew()), null, problems)
            .headers(headers -> EdgeHeaders.secure(headers, properties.issuerUri()))
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers("/mobile/v1/ping", "/api/v1/ping").permitAll()
                .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .pathMatchers("/actuator", "/actuator/**").denyAll()
                .pathMatchers("/api/**", "/mobile/**").authenticated()
                .anyExchange().permitAll())
            .build();
    }
}
