package app.chorus.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} when well-formed, e.g. from the gateway or the app,
 * else a new one), sets it on the request passed on (so the gateway's routes carry it to the api), echoes it, and
 * logs one structured access line carrying it.
 */
public class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final Logger access;

    /** @param accessLog the logger of the access lines */
    public RequestIds(String accessLog) {
        this.access = LoggerFactory.getLogger(accessLog);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ServerWebExchange tagged = exchange.mutate()
            .request(request -> request.headers(headers -> headers.set(HEADER, requestId)))
            .build();
        tagged.getAttributes().put(ATTRIBUTE, requestId);
        // set last: a response relayed from the api brings its own copy, which must not double it
        tagged.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> tagged.getResponse().getHeaders().set(HEADER, requestId)));
        long started = System.nanoTime();
        return chain.filter(tagged)
            .doFinally(signal -> logAccess(tagged, requestId, started))
            .contextWrite(context -> context.put(ATTRIBUTE, requestId));
    }

    /** The id of the request being served ("" outside a request). */
    public static String of(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(ATTRIBUTE);
        return id == null ? "" : id.toString();
    }

    /** The id of the request being served, from the Reactor context of its pipeline. */
    public static String of(ContextView context) {
        return context.getOrDefault(ATTRIBUTE, "");
    }

    private void logAccess(ServerWebExchange exchange, String requestId, long started) {
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
