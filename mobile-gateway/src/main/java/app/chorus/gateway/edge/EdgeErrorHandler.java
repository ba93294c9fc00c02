package app.chorus.gateway.edge;

import app.chorus.edge.ProblemErrorHandler;
import app.chorus.edge.ProblemException;
import app.chorus.edge.ProblemResponses;
import app.chorus.gateway.api.ApiCallFailure;
import app.chorus.gateway.api.ApiProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The edge's problem answers (shared with the api) plus what only the gateway meets: the api's problems relayed
 * unchanged, and "api unreachable or too slow" as one 503.
 */
@Component
class EdgeErrorHandler extends ProblemErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeErrorHandler.class);

    EdgeErrorHandler(ProblemResponses responses) {
        super(responses);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ApiProblem relayed) {
            return responses().writeRaw(exchange, relayed.status(), relayed.body(), Map.of());
        }
        if (apiUnreachable(failure)) {
            log.warn("api unavailable: {}", failure.toString());
            return responses().write(exchange, apiUnavailable());
        }
        return super.handle(exchange, failure);
    }

    static ProblemException apiUnavailable() {
        return new ProblemException(503, "api-unavailable", "Service unavailable",
            "Chorus cannot reach its service right now. Your app keeps what it has; try again in a minute.")
            .header("Retry-After", "30");
    }

    private static boolean apiUnreachable(Throwable failure) {
        if (failure instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            return status == 503 || status == 504;
        }
        return failure instanceof ServiceUnavailableException // the route's breaker is open
            || hasCause(failure, CallNotPermittedException.class) || hasCauseNamed(failure, "io.github.resilience4j.bulkhead.BulkheadFullException")
            || hasCause(failure, TimeoutException.class)
            || failure instanceof WebClientRequestException
            // refused, reset, closed before the answer: a 503 to try again, not a 500 (ADR 0400)
            || ApiCallFailure.of(failure) != ApiCallFailure.NOT_A_LOST_CALL;
    }

    /** For failure types of optional (runtime-only) libraries. */
    private static boolean hasCauseNamed(Throwable failure, String className) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current.getClass().getName().equals(className)) {
                return true;
            }
        }
        return false;
    }
}
