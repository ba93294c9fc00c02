package app.chorus.platform.web;

import app.chorus.edge.ProblemException;
import app.chorus.edge.ProblemResponses;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquirePendingLimitException;
import reactor.pool.PoolBuilder;

/**
 * Lets a bounded number of rush writes ({@link RushProperties}) work at once, the others waiting in turn (ADR 0406). With
 * 64 carers voting at once, a live results read would otherwise queue behind all 64 ballots on two cores; now it queues
 * behind the few being worked on. Runs after the security chain, so only signed-in writes wait.
 */
@Component
class RushWrites implements WebFilter, Ordered {

    private static final Object TURN = new Object();

    private final List<Write> writes;
    private final InstrumentedPool<Object> turns;
    private final ProblemResponses problems;

    RushWrites(RushProperties properties, ProblemResponses problems) {
        this.writes = properties.writes().stream().map(Write::parse).toList();
        this.turns = PoolBuilder.from(Mono.just(TURN))
            .sizeBetween(0, properties.concurrency())
            .maxPendingAcquire(properties.maxWaiting())
            .buildPool();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (writes.stream().noneMatch(write -> write.matches(exchange.getRequest()))) {
            return chain.filter(exchange);
        }
        return turns.withPoolable(turn -> chain.filter(exchange))
            .then()
            .onErrorResume(PoolAcquirePendingLimitException.class, full -> problems.write(exchange, busy()));
    }

    private static ProblemException busy() {
        return new ProblemException(503, "busy", "Service busy",
            "Too many people are sending at this moment. Send it again in a second; with the same Idempotency-Key it is "
                + "recorded once.")
            .header("Retry-After", "1");
    }

    @Override
    public int getOrder() {
        // just after Spring Security's chain (order -100)
        return -99;
    }

    private record Write(HttpMethod method, PathPattern path) {

        static Write parse(String write) {
            String[] parts = write.trim().split("\\s+", 2);
            return new Write(HttpMethod.valueOf(parts[0]), PathPatternParser.defaultInstance.parse(parts[1]));
        }

        boolean matches(ServerHttpRequest request) {
            return method.equals(request.getMethod()) && path.matches(request.getPath().pathWithinApplication());
        }
    }
}
