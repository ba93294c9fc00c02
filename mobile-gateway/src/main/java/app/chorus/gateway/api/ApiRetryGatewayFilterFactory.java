package app.chorus.gateway.api;

import app.chorus.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The {@code ApiRetry} route filter: a call to an api instance that died is repeated on the next one (the route's
 * {@code lb://} address picks again on each attempt), by the rules of {@link SafeToRepeat}. No status is retried:
 * an api that answers, even with a 5xx, has decided.
 */
@Component
class ApiRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final GatewayProperties properties;

    ApiRetryGatewayFilterFactory(GatewayProperties properties) {
        super(Object.class);
        this.properties = properties;
    }

    @Override
    public GatewayFilter apply(Object unused) {
        int retries = ApiInstances.retries(properties);
        if (retries == 0) {
            return (exchange, chain) -> chain.filter(exchange);
        }
        GatewayFilter anyLoss = retry(retries, true);
        GatewayFilter refusedOnly = retry(retries, false);
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            boolean repeatable = SafeToRepeat.afterLoss(request.getMethod(), request.getHeaders());
            return (repeatable ? anyLoss : refusedOnly).filter(exchange, chain);
        };
    }

    private static GatewayFilter retry(int retries, boolean repeatableAfterLoss) {
        RetryConfig config = new RetryConfig().allMethods().setRetries(retries).setSeries().setStatuses()
            .setExceptions(SafeToRepeat.failures(repeatableAfterLoss));
        return new RetryGatewayFilterFactory().apply(config);
    }
}
