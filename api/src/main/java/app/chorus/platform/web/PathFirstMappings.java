package app.chorus.platform.web;

import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;

/**
 * A request's endpoint found by its path first (ADR 0332). Spring checks each of the api's ~150 mappings in turn
 * against a request whose path has a variable, method, headers and body type first, through Spring Security's firewall
 * wrappers; the path rules out all but one or two of them at once. Only the order changes: the same path check,
 * then every other condition as before, and a request no mapping takes is answered as before (404, 405, 415).
 */
@Configuration(proxyBeanMethods = false)
class PathFirstMappings {

    @Bean
    WebFluxRegistrations pathFirstRegistrations() {
        return new WebFluxRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathFirst();
            }
        };
    }

    static final class PathFirst extends RequestMappingHandlerMapping {

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, ServerWebExchange exchange) {
            return info.getPatternsCondition().getMatchingCondition(exchange) == null ? null
                : super.getMatchingMapping(info, exchange);
        }
    }
}
