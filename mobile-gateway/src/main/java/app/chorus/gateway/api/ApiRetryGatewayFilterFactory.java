package app.chorus.gateway.api;

import app.chorus.gateway.GatewayProperties;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.support.HasRouteId;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The {@code ApiRetry} route filter: a call to an api instance that died is repeated on the next one (the route's
 * {@code lb://} address picks again on each attempt), by the rules of {@link SafeToRepeat}. No status is retried:
 * an api that answers, even with a 5xx, has decided. Spring Cloud Gateway's {@code Retry} filter does the repeating,
 * and keeps the route's request bodies so that a repeated write carries its body again.
 */
@Component
class ApiRetryGatewayFilterFactory extends AbstractGatewayFilterFactory<ApiRetryGatewayFilterFactory.Config> {

    private final GatewayProperties properties;

    ApiRetryGatewayFilterFactory(GatewayProperties properties) {
        super(Config.class);
        this.properties = properties;
    }

    /** No settings: the route id only, which body caching is switched on for. */
    static class Config implements HasRouteId {

        private String routeId;

        @Override
        public void setRouteId(String routeId) {
            this.routeId = routeId;
        }

        @Override
        public String getRouteId() {
            return routeId;
        }
    }

    @Override
    public GatewayFilter apply(Config config) {
        int retries = ApiInstances.retries(properties);
        if (retries == 0) {
            return (exchange, chain) -> chain.filter(exchange);
        }
        GatewayFilter retry = retry(config.getRouteId(), retries);
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            boolean repeatableAfterLoss = SafeToRepeat.afterLoss(request.getMethod(), request.getHeaders());
            return retry.filter(exchange, attempt -> chain.filter(attempt)
                    .onErrorMap(failure -> SafeToRepeat.repeats(failure, repeatableAfterLoss), Repeatable::new))
                .onErrorMap(Repeatable::unwrap);
        };
    }

    // the Retry filter matches failures by class, one cause deep: the decision is taken on the whole cause chain here
    // and handed to it as this one class
    private GatewayFilter retry(String routeId, int retries) {
        RetryGatewayFilterFactory retry = new RetryGatewayFilterFactory();
        retry.setApplicationEventPublisher(getPublisher());
        RetryConfig config = new RetryConfig().allMethods().setRetries(retries).setSeries().setStatuses()
            .setExceptions(Repeatable.class);
        config.setRouteId(routeId);
        return retry.apply(config);
    }

    /** A failed attempt that {@link SafeToRepeat} lets go to another instance; never seen outside this filter. */
    static final class Repeatable extends RuntimeException {

        Repeatable(Throwable failure) {
            super(failure.getMessage(), failure, false, false);
        }

        /** The attempt's own failure, also when the retries ran out (the Retry filter wraps it then). */
        static Throwable unwrap(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof Repeatable repeatable) {
                    return repeatable.getCause();
                }
            }
            return failure;
        }
    }
}
