package app.chorus.gateway.testing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every attempt the gateway's {@code /api/**} route makes, counted per api instance as the balancer picked it, just
 * before the call is sent: attempts at an instance that refuses connections count too, which the instance cannot.
 */
public final class ApiAttempts implements GlobalFilter, Ordered {

    private final Map<Integer, AtomicInteger> byPort = new ConcurrentHashMap<>();

    /** Attempts sent to the instance at {@code url} so far. */
    public int at(String url) {
        AtomicInteger attempts = byPort.get(URI.create(url).getPort());
        return attempts == null ? 0 : attempts.get();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        URI to = exchange.getRequiredAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
        byPort.computeIfAbsent(to.getPort(), port -> new AtomicInteger()).incrementAndGet();
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return NettyRoutingFilter.ORDER - 1;
    }
}
