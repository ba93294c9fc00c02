package app.chorus.gateway.edge;

import app.chorus.gateway.api.ApiProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error leaves the gateway as {@code application/problem+json}: its own problems, the api's problems
 * relayed unchanged, "api unreachable or too slow" as one 503, Spring's 4xx, and unexpected failures as 500.
 */
@Component
@Order(-2)
class EdgeErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeErrorHandler.class);

    private final EdgeProblems problems;

    EdgeErrorHandler(EdgeProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ApiProblem relayed) {
            return problems.writeRaw(exchange, relayed.status(), relayed.body(), Map.of());
        }
        return problems.write(exchange, toProblem(failure));
    }

    static EdgeProblem toProblem(Throwable failure) {
        if (failure instanceof EdgeProblem problem) {
            return problem;
        }
        if (apiUnreachable(failure)) {
            log.warn("api unavailable: {}", failure.toString());
            return EdgeProblem.apiUnavailable();
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return new EdgeProblem(413, "body-too-large", "Content too large",
                "The request body is larger than this endpoint accepts. Send less data.");
        }
        if (failure instanceof ErrorResponse response) {
            return fromSpring(response, failure);
        }
        log.error("Unexpected failure", failure);
        return new EdgeProblem(500, "internal", "Internal error",
            "Something went wrong on our side. Try again; if it keeps happening, quote the requestId to support.");
    }

    private static boolean apiUnreachable(Throwable failure) {
        if (failure instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            return status == 503 || status == 504;
        }
        return failure instanceof ServiceUnavailableException // the route's breaker is open
            || hasCause(failure, CallNotPermittedException.class) || hasCauseNamed(failure, "io.github.resilience4j.bulkhead.BulkheadFullException")
            || hasCause(failure, TimeoutException.class)
            || hasCause(failure, ConnectException.class) || failure instanceof WebClientRequestException
            || failure.getClass().getName().equals("reactor.netty.http.client.PrematureCloseException");
    }

    private static EdgeProblem fromSpring(ErrorResponse response, Throwable failure) {
        int status = response.getStatusCode().value();
        String reason = failure instanceof ServerWebInputException input ? input.getReason() : response.getBody().getDetail();
        String detail = switch (status) {
            case 404 -> "There is nothing at this address. See /v3/api-docs for the mobile endpoints.";
            case 405 -> "This address does not accept that HTTP method.";
            case 415 -> "This content type is not accepted here. Send application/json.";
            default -> reason == null ? HttpStatus.valueOf(status).getReasonPhrase() : reason + ". Check the request.";
        };
        String title = response.getBody().getTitle() != null ? response.getBody().getTitle() : HttpStatus.valueOf(status).getReasonPhrase();
        return new EdgeProblem(status, kindOf(status), title, detail);
    }

    private static String kindOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
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

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }
}
