package app.chorus.edge;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Requests for the realm's keys made while one is on its way share its answer. Spring's remote key source fetches
 * once per token whose key it has not seen yet, so the first burst after a start (or a key rotation) asked Keycloak
 * once per request, and on a busy machine those fetches outlasted their timeout together. Nothing is kept once the
 * fetch is over: the next unknown key fetches again (ADR 0409).
 */
final class OneKeyFetchAtATime implements ExchangeFilterFunction {

    private record Fetched(HttpStatusCode status, HttpHeaders headers, String body) {

        ClientResponse response() {
            return ClientResponse.create(status).headers(copy -> copy.addAll(headers)).body(body).build();
        }
    }

    private final Map<URI, Mono<Fetched>> inFlight = new ConcurrentHashMap<>();

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return Mono.defer(() -> shared(request, next)).map(Fetched::response);
    }

    private Mono<Fetched> shared(ClientRequest request, ExchangeFunction next) {
        URI url = request.url();
        AtomicReference<Mono<Fetched>> self = new AtomicReference<>();
        Mono<Fetched> fetch = Mono.defer(() -> next.exchange(request))
            .flatMap(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> new Fetched(response.statusCode(), response.headers().asHttpHeaders(), body)))
            .doFinally(signal -> inFlight.remove(url, self.get()))
            .cache();
        self.set(fetch);
        Mono<Fetched> current = inFlight.putIfAbsent(url, fetch);
        return current != null ? current : fetch;
    }
}
