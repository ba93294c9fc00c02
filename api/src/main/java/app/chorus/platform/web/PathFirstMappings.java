package app.chorus.platform.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A request's endpoint found by its path first (ADR 0332). Spring checks each of the api's ~150 mappings in turn
 * against a request whose path has a variable, method, headers and body type first, through Spring Security's firewall
 * wrappers. Here a mapping whose patterns' literal beginnings (up to the last {@code /} before a variable or wildcard)
 * the path does not start with is passed over at once; every other mapping is checked entirely as Spring does, so the
 * chosen handler is the same, and a request no mapping takes is answered as before (404, 405, 415).
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

        private static final String PATH = PathFirst.class.getName() + ".path";
        private static final String[] ANY = {""};

        private final Map<RequestMappingInfo, String[]> beginnings = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(ServerWebExchange exchange) throws Exception {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            // Spring matches decoded segments without matrix variables: such a path gets Spring's own checks only
            if (path.indexOf('%') < 0 && path.indexOf(';') < 0) {
                exchange.getAttributes().put(PATH, path);
            }
            try {
                return super.lookupHandlerMethod(exchange);
            } finally {
                exchange.getAttributes().remove(PATH);
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, ServerWebExchange exchange) {
            String path = exchange.getAttribute(PATH);
            return path != null && !begins(path, beginnings.computeIfAbsent(info, PathFirst::beginnings)) ? null
                : super.getMatchingMapping(info, exchange);
        }

        private static boolean begins(String path, String[] beginnings) {
            for (String beginning : beginnings) {
                if (path.startsWith(beginning)) {
                    return true;
                }
            }
            return false;
        }

        /** Each pattern's literal text up to the last '/' before its first variable or wildcard ("/a/**" matches "/a"). */
        static String[] beginnings(RequestMappingInfo info) {
            if (info.getPatternsCondition().getPatterns().isEmpty()) {
                return ANY;
            }
            return info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                .map(PathFirst::beginning).toArray(String[]::new);
        }

        static String beginning(String pattern) {
            int special = indexOfAny(pattern, "{*?");
            return special < 0 ? pattern : pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', special)));
        }

        private static int indexOfAny(String text, String characters) {
            for (int i = 0; i < text.length(); i++) {
                if (characters.indexOf(text.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
