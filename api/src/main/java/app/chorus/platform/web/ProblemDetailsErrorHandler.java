package app.chorus.platform.web;

import app.chorus.platform.ProblemWriter;
import app.chorus.shared.Problem;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Every error leaves the api as {@code application/problem+json}: domain {@link Problem}s, Spring's own
 * 4xx (404, 405, 406, 415, bad input, validation), body too large (413), and unexpected failures (500).
 */
@Component
@Order(-2)
class ProblemDetailsErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsErrorHandler.class);

    private final ProblemWriter writer;

    ProblemDetailsErrorHandler(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        return writer.write(exchange, toProblem(failure));
    }

    static ProblemDetail toProblem(Throwable failure) {
        if (failure instanceof Problem problem) {
            return fromDomain(problem);
        }
        Throwable tooLarge = findCause(failure, DataBufferLimitException.class);
        if (tooLarge != null) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Content too large",
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
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
            "Something went wrong on our side. Try again; if it keeps happening, quote the requestId to support.");
    }

    private static ProblemDetail fromDomain(Problem problem) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(problem.status()), problem.getMessage());
        detail.setType(problem.type());
        detail.setTitle(problem.title());
        problem.properties().forEach(detail::setProperty);
        return detail;
    }

    private static ProblemDetail validation(WebExchangeBindException invalid) {
        ProblemDetail detail = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
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
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(response.getStatusCode(), springDetail(status, body, failure));
        detail.setType(app.chorus.shared.Problem.typeOf(kindOf(status)));
        detail.setTitle(body.getTitle() != null ? body.getTitle() : HttpStatus.valueOf(status).getReasonPhrase());
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
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static ProblemDetail problem(HttpStatus status, String kind, String title, String detailText) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(status, detailText);
        detail.setType(Problem.typeOf(kind));
        detail.setTitle(title);
        return detail;
    }

    private static Throwable findCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return current;
            }
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
