package app.chorus.gateway.web;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Deep links into the single-page app (/surveys/42/results, /auth/callback) are routes the browser
 * app knows, not files: a page navigation to such a path gets index.html. API, mobile, actuator and
 * docs paths and anything that looks like a file (has a dot) pass through untouched.
 */
class SpaFallbackFilter implements WebFilter, Ordered {

    private static final List<String> SERVER_PREFIXES = List.of(
        "/api/", "/mobile/", "/actuator", "/v3/", "/swagger-ui", "/webjars/", "/config.json");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (isAppRoute(request)) {
            return chain.filter(exchange.mutate().request(request.mutate().path("/index.html").build()).build());
        }
        return chain.filter(exchange);
    }

    static boolean isAppRoute(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        if (!HttpMethod.GET.equals(request.getMethod()) || path.equals("/") || path.equals("/index.html")) {
            return false;
        }
        if (SERVER_PREFIXES.stream().anyMatch(path::startsWith) || path.equals("/api") || path.equals("/mobile")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && acceptsHtml(request);
    }

    private static boolean acceptsHtml(ServerHttpRequest request) {
        List<MediaType> accepted = request.getHeaders().getAccept();
        return accepted.isEmpty() || accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
