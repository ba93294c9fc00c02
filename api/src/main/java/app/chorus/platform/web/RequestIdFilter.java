package app.chorus.platform.web;

import app.chorus.platform.ProblemWriter;
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

/**
 * Gives every request an id (the caller's {@code X-Request-Id}, e.g. from the gateway, or a new one),
 * echoes it, and logs one structured access line carrying it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter implements WebFilter {

    static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Logger access = LoggerFactory.getLogger("app.chorus.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        exchange.getAttributes().put(ProblemWriter.REQUEST_ID, requestId);
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        long started = System.nanoTime();
        return chain.filter(exchange)
            .doFinally(signal -> logAccess(exchange, requestId, started))
            .contextWrite(context -> context.put(ProblemWriter.REQUEST_ID, requestId));
    }

    private static void logAccess(ServerWebExchange exchange, String requestId, long started) {
        if (!access.isInfoEnabled()) {
            return;
        }
        MDC.put(ProblemWriter.REQUEST_ID, requestId);
        try {
            var status = exchange.getResponse().getStatusCode();
            access.atInfo()
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("path", exchange.getRequest().getPath().value())
                .addKeyValue("status", status == null ? 0 : status.value())
                .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                .log("request");
        } finally {
            MDC.remove(ProblemWriter.REQUEST_ID);
        }
    }
}
