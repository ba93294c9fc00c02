package app.chorus.edge;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error leaves as {@code application/problem+json}: {@link ProblemException}s, unreadable bodies
 * ({@link BodyProblems}), Spring's own 4xx (404, 405, 406, 415, bad input, validation), body too large (413), and
 * unexpected failures (500, logged).
 */
public class ProblemErrorHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemResponses responses;

    public ProblemErrorHandler(ProblemResponses responses) {
        this.responses = responses;
    }

    @Override
    public int getOrder() {
        return -2; // before Boot's own handler
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return responses.write(exchange, problem);
        }
        if (exchange.getResponse().isCommitted() || failure.getClass().getName().equals("reactor.netty.channel.AbortedException")) {
            // the caller has gone (or the answer is already on its way): there is no one to send a problem to
            log.debug("No answer possible at {}: {}", exchange.getRequest().getPath(), failure.toString());
            return Mono.empty();
        }
        ProblemException unavailable = Unavailable.of(failure);
        if (unavailable != null) {
            log.warn("{} at {}: {}", unavailable.kind(), exchange.getRequest().getPath(), failure.toString());
            return responses.write(exchange, unavailable);
        }
        return responses.write(exchange, toProblem(failure));
    }

    protected ProblemResponses responses() {
        return responses;
    }

    public static ProblemDetail toProblem(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return ProblemResponses.problem(problem);
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Content too large",
                "The request body is larger than this endpoint accepts. Send less data or split it up.");
        }
        ProblemDetail unreadable = BodyProblems.of(failure);
        if (unreadable != null) {
            return unreadable;
        }
        if (failure instanceof WebExchangeBindException invalid) {
            return validation(invalid);
        }
        if (failure instanceof ErrorResponse response) {
            return fromSpring(response, failure);
        }
        log.error("Unexpected failure", failure);
        return ProblemResponses.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
            "Something went wrong on our side. Try again; if it keeps happening, quote the requestId to support.");
    }

    public static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail validation(WebExchangeBindException invalid) {
        ProblemDetail detail = ProblemResponses.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
            "Some fields are invalid: see 'errors' and correct them.");
        List<Map<String, Object>> errors = invalid.getFieldErrors().stream()
            .map(error -> Map.<String, Object>of("field", error.getField(),
                "message", String.valueOf(error.getDefaultMessage())))
            .toList();
        detail.setProperty("errors", errors);
        return detail;
    }

    private static ProblemDetail fromSpring(ErrorResponse response, Throwable failure) {
        ProblemDetail body = response.getBody();
        int status = response.getStatusCode().value();
        String title = body.getTitle() != null ? body.getTitle() : HttpStatus.valueOf(status).getReasonPhrase();
        ProblemDetail detail = ProblemResponses.problem(response.getStatusCode(), kindOf(status), title,
            springDetail(status, body, failure));
        if (failure instanceof ServerWebInputException input && input.getMethodParameter() != null
            && input.getMethodParameter().getParameterName() != null) {
            detail.setProperty("field", input.getMethodParameter().getParameterName());
        }
        return detail;
    }

    private static String springDetail(int status, ProblemDetail body, Throwable failure) {
        return switch (status) {
            case 404 -> "There is nothing at this address. Check the URL against /v3/api-docs.";
            case 405 -> "This address does not accept that HTTP method. " + nullToEmpty(body.getDetail());
            case 415 -> "This content type is not accepted here. Send application/json unless the API documentation says otherwise.";
            case 406 -> "The response cannot be produced in the media type you asked for.";
            default -> failure instanceof ServerWebInputException input && input.getReason() != null
                ? input.getReason().replaceAll("\\.+$", "") + ". Check the request body and parameters."
                : nullToEmpty(body.getDetail());
        };
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

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
