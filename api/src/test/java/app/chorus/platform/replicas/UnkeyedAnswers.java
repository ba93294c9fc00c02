package app.chorus.platform.replicas;

import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * In a {@link ReplicaApi} once traced: every survey answer without an {@code Idempotency-Key} prints
 * {@code UNKEYED-START <unit>} on stdout when it reaches the api and {@code UNKEYED-END <unit>} when its answer is
 * sent, so the benchmark knows which unkeyed answers were in flight on an instance at the moment it was killed
 * (lines printed before a SIGKILL are still read from the pipe after it). It runs before every other filter (sign-in
 * checks included), so an answer counts from the moment the server has read its headers.
 */
final class UnkeyedAnswers implements WebFilter, Ordered {

    private static final Pattern ANSWER = Pattern.compile("/api/v1/surveys/[^/]+/responses/([^/]+)");

    private volatile boolean traced;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    void trace() {
        traced = true;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        var answer = ANSWER.matcher(request.getPath().value());
        if (!traced || request.getMethod() != HttpMethod.POST || !answer.matches()
            || request.getHeaders().containsHeader("Idempotency-Key")) {
            return chain.filter(exchange);
        }
        String unit = answer.group(1);
        print("UNKEYED-START " + unit);
        return chain.filter(exchange).doFinally(signal -> print("UNKEYED-END " + unit));
    }

    private static void print(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }
}
