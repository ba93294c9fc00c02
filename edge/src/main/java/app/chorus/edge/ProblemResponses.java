package app.chorus.edge;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details where no controller is involved (security, filters, error handler), with the
 * request's path as {@code instance} and its {@code requestId}.
 */
public class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    /** A caller's mistake (4xx) also names the rule it broke as {@code rule}, for clients that branch on it. */
    public static ProblemDetail problem(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemException.typeOf(kind));
        problem.setTitle(title);
        if (status.is4xxClientError()) {
            problem.setProperty("rule", kind);
        }
        return problem;
    }

    public static ProblemDetail problem(ProblemException failure) {
        ProblemDetail problem = problem(HttpStatus.valueOf(failure.status()), failure.kind(), failure.title(),
            failure.getMessage());
        failure.properties().forEach(problem::setProperty);
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String kind, String title, String detail) {
        return write(exchange, problem(status, kind, title, detail));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemException failure) {
        return write(exchange, problem(failure), failure.headers());
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        return write(exchange, problem, Map.of());
    }

    private Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, Map<String, String> headers) {
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        String requestId = RequestIds.of(exchange);
        if (!requestId.isEmpty()) {
            problem.setProperty(RequestIds.ATTRIBUTE, requestId);
        }
        byte[] body = json.writeValueAsString(asMap(problem)).getBytes(StandardCharsets.UTF_8);
        return writeRaw(exchange, problem.getStatus(), body, headers);
    }

    /** Relays a problem body as written elsewhere (the api's, through the gateway). */
    public Mono<Void> writeRaw(ServerWebExchange exchange, int status, byte[] body, Map<String, String> headers) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.forEach(response.getHeaders()::set);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** The problem as the JSON members it is written with (for a problem sent inside another document, e.g. an event). */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", problem.getType().toString());
        map.put("title", problem.getTitle());
        map.put("status", problem.getStatus());
        map.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            map.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            map.putAll(problem.getProperties());
        }
        return map;
    }
}
