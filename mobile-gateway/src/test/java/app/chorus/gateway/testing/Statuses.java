package app.chorus.gateway.testing;

import java.time.Duration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The status a call to the gateway was answered with, its body let go. */
public final class Statuses {

    private Statuses() {
    }

    public static Mono<Integer> of(WebClient.RequestHeadersSpec<?> request) {
        return request.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    /** Waits for it, at most {@code within}. */
    public static int of(WebClient.RequestHeadersSpec<?> request, Duration within) {
        return of(request).block(within);
    }
}
