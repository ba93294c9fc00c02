package app.chorus.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Gives every request an id (the app's {@code X-Request-Id} when well-formed, else a new one), sets it on the
 * request the api receives (routes and mobile endpoints alike), echoes it, and logs one access line with it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds implements WebFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger access = LoggerFactory.getLogger("app.chorus.gateway.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerWebExchange tagged = exchange.mutate()
            .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
            .build();
        tagged.getAttributes().put(ATTRIBUTE, requestId);
        // set last: a relayed api response brings its own copy, which must not double it
        tagged.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> tagged.getResponse().getHeaders().set(HEADER, requestId)));
        long started = System.nanoTime();
        return chain.filter(tagged)
            .doFinally(signal -> logAccess(tagged, requestId, started))
            .contextWrite(context -> context.put(ATTRIBUTE, requestId));
    }

    /** The id of the request being served. */
    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? "" : id.toString();
    }

    /** The id of the request being served, from the Reactor context of its pipeline. */
    public static String of(ContextView context) {
        return context.getOrDefault(ATTRIBUTE, "");
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        if (!access.isInfoEnabled()) {
            return;
        }
        MDC.put(ATTRIBUTE, requestId);
        try {
            var status = exchange.getResponse().getStatusCode();
            access.atInfo()
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("path", exchange.getRequest().getPath().value())
                .addKeyValue("status", status == null ? 0 : status.value())
                .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                .log("request");
        } finally {
            MDC.remove(ATTRIBUTE);
        }
    }
}
