package app.chorus.gateway.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.Connection;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * One api instance as the gateway sees it: answers every call with its name and the body it got, except
 * {@code /api/v1/held}, which it holds until {@link #release()}. {@link #kill()} drops it as SIGKILL would: the
 * listening socket and every open connection closed, no answer to what is in flight.
 */
public final class ApiInstanceStandIn implements AutoCloseable {

    /** A call as it reached this instance. */
    public record Call(String method, String path, String idempotencyKey, String body) {
    }

    private final String name;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Sinks.Empty<Void> released = Sinks.empty();
    private final DisposableServer server;

    public ApiInstanceStandIn(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0)
            .doOnConnection(connections::add)
            .handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> {
                    String path = request.uri().split("\\?")[0];
                    calls.add(new Call(request.method().name(), path,
                        request.requestHeaders().get("Idempotency-Key"), body));
                    Mono<Void> wait = path.equals("/api/v1/held") ? released.asMono() : Mono.empty();
                    return wait.thenReturn("{\"instance\":\"" + name + "\",\"body\":" + (body.isEmpty() ? "null" : body) + "}");
                })
                .flatMap(answer -> response.header("Content-Type", "application/json").sendString(Mono.just(answer)).then()))
            .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public String name() {
        return name;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Answers every held call. */
    public void release() {
        released.tryEmitEmpty();
    }

    public void kill() {
        server.disposeNow();
        connections.forEach(Connection::dispose);
    }

    @Override
    public void close() {
        kill();
    }
}
