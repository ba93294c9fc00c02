package app.chorus.gateway.api;

import app.chorus.gateway.GatewayProperties;
import app.chorus.edge.RequestIds;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.function.Function;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.web.util.UriBuilder;

/**
 * The mobile endpoints' way to the api: the caller's own token and request id travel with every call, the
 * {@code api} circuit breaker and timeouts apply, calls are balanced across the api instances and repeated on
 * another when one dies ({@link SafeToRepeat}), and the api's error answers come back as {@link ApiProblem}.
 */
@Component
public class ApiClient {

    private final WebClient web;
    private final ReactiveCircuitBreaker breaker;
    private final int retries;

    ApiClient(WebClient.Builder builder, GatewayProperties properties, ReactiveCircuitBreakerFactory<?, ?> breakers,
              JsonMapper json, LoadBalancedExchangeFilterFunction balanced) {
        HttpClient http = HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.apiConnectTimeout().toMillis())
            .responseTimeout(properties.apiTimeout());
        this.web = builder.clone()
            .baseUrl("http://" + ApiInstances.SERVICE)
            .clientConnector(new ReactorClientHttpConnector(http))
            .filter(relayCaller())
            .filter(balanced)
            // callers' bodies are read strictly (unknown fields refused); the api's answers leniently, so a field
            // the api adds later does not break the gateway
            .codecs(codecs -> codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(
                json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build())))
            .build();
        this.breaker = breakers.create(ApiBreaker.NAME);
        this.retries = ApiInstances.retries(properties);
    }

    /** GET a JSON document from the api as the caller. */
    public <T> Mono<T> get(Function<UriBuilder, URI> uri, Class<T> type) {
        return guarded(web.get().uri(uri).exchangeToMono(response -> bodyOrProblem(response, type)), true);
    }

    /** A write relayed as the caller; the api's answer (empty for 204) comes back. */
    public <T> Mono<T> send(HttpMethod method, Function<UriBuilder, URI> uri, Object body, String idempotencyKey,
                            Class<T> type) {
        WebClient.RequestBodySpec request = web.method(method).uri(uri);
        if (idempotencyKey != null) {
            request.header(SafeToRepeat.IDEMPOTENCY_KEY, idempotencyKey);
        }
        WebClient.RequestHeadersSpec<?> ready = body == null ? request : request.bodyValue(body);
        boolean repeatable = idempotencyKey != null || SafeToRepeat.afterLoss(method, HttpHeaders.EMPTY);
        return guarded(ready.exchangeToMono(response -> bodyOrProblem(response, type)), repeatable);
    }

    /** Each attempt goes to the next api instance (ADR 0307); the breaker sees the outcome after the retries. */
    private <T> Mono<T> guarded(Mono<T> call, boolean repeatableAfterLoss) {
        Mono<T> attempts = retries == 0 ? call
            : call.retryWhen(Retry.max(retries).filter(failure -> SafeToRepeat.repeats(failure, repeatableAfterLoss)));
        return breaker.run(attempts, Mono::error);
    }

    private static <T> Mono<T> bodyOrProblem(ClientResponse response, Class<T> type) {
        HttpStatusCode status = response.statusCode();
        if (status.isError()) {
            return response.bodyToMono(byte[].class)
                .defaultIfEmpty(new byte[0])
                .flatMap(body -> Mono.error(new ApiProblem(status.value(), body)));
        }
        return response.bodyToMono(type);
    }

    private static ExchangeFilterFunction relayCaller() {
        return (request, next) -> Mono.deferContextual(context -> ReactiveSecurityContextHolder.getContext()
            .mapNotNull(security -> security.getAuthentication() instanceof AbstractOAuth2TokenAuthenticationToken<?> token
                ? token.getToken().getTokenValue() : null)
            .defaultIfEmpty("")
            .flatMap(token -> next.exchange(ClientRequest.from(request)
                .headers(headers -> {
                    if (!token.isEmpty()) {
                        headers.setBearerAuth(token);
                    }
                    String requestId = RequestIds.of(context);
                    if (!requestId.isEmpty()) {
                        headers.set(RequestIds.HEADER, requestId);
                    }
                })
                .build())));
    }
}
