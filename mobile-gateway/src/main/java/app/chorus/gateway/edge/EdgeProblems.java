package app.chorus.gateway.edge;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem details from filters and error handlers, in the api's shape
 * ({@code type} = {@code urn:chorus:problem:<kind>}, {@code requestId} always present).
 */
@Component
public class EdgeProblems {

    private final JsonMapper json;

    EdgeProblems(JsonMapper json) {
        this.json = json;
    }

    public static URI typeOf(String kind) {
        return URI.create("urn:chorus:problem:" + kind);
    }

    public Mono<Void> write(ServerWebExchange exchange, EdgeProblem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", typeOf(problem.kind()).toString());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", exchange.getRequest().getPath().value());
        body.putAll(problem.properties());
        body.put(RequestIds.ATTRIBUTE, RequestIds.of(exchange));
        return writeRaw(exchange, problem.status(), json.writeValueAsBytes(body), problem.headers());
    }

    /** Relays a problem body as the api wrote it (its requestId is the caller's, propagated). */
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
}
