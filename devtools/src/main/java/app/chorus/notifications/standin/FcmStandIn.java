package app.chorus.notifications.standin;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for FCM's HTTP v1 send endpoint ({@code POST /v1/projects/P/messages:send}) with the real
 * request and error shapes, configurable latency and fault rates, and counts of what each token received.
 * Run it on its own with {@code java -cp api.jar app.chorus.notifications.standin.FcmStandIn --port 9099}.
 *
 * <p>Tokens starting with {@code unregistered-} (or marked through {@code POST /unregistered}) answer 404
 * UNREGISTERED; tokens that are not FCM-shaped answer 400 INVALID_ARGUMENT.
 */
public final class FcmStandIn implements AutoCloseable {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_:\\-]{8,4096}");
    private final JsonMapper json = JsonMapper.builder().build();
    private final Deliveries deliveries = new Deliveries();
    private volatile Faults faults;
    private final LoopResources loops = LoopResources.create("fcm-stand-in", 2, true);
    private final DisposableServer server;

    private FcmStandIn(String host, int port, Faults faults) {
        this.faults = faults;
        // its own event loops: Reactor Netty's global ones are reset when a Spring context in the JVM closes
        this.server = HttpServer.create().runOn(loops).host(host).port(port).handle(this::route).bindNow();
    }

    public static FcmStandIn start(String host, int port, Faults faults) {
        return new FcmStandIn(host, port, faults);
    }

    public static FcmStandIn start() {
        return start("127.0.0.1", 0, Faults.NONE);
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Deliveries deliveries() {
        return deliveries;
    }

    public void faults(Faults faults) {
        this.faults = faults;
    }

    public Faults faults() {
        return faults;
    }

    public void markUnregistered(String token) {
        deliveries.unregister(token);
    }

    private Publisher<Void> route(HttpServerRequest request, HttpServerResponse response) {
        String path = request.path();
        if (request.method().name().equals("POST") && path.endsWith("messages:send")) {
            return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("{}")
                .flatMap(body -> send(body, response));
        }
        return switch (request.method().name() + " " + path) {
            case "GET counts" -> json(response, 200, deliveries.counts());
            case "GET pushes" -> json(response, 200, deliveries.latest(intParam(request.uri(), "limit", 100)));
            case "POST reset" -> { deliveries.reset(); yield json(response, 200, Map.of("reset", true)); }
            case "POST config" -> request.receive().aggregate().asString().flatMap(body -> configure(body, response));
            case "POST unregistered" -> request.receive().aggregate().asString().flatMap(body -> unregister(body, response));
            default -> json(response, 404, Map.of("error", "unknown stand-in path " + path));
        };
    }

    private Mono<Void> send(String body, HttpServerResponse response) {
        Faults current = faults;
        Mono<Void> answer = Mono.defer(() -> answer(body, current, response));
        return current.latencyMs() > 0 ? Mono.delay(Duration.ofMillis(current.latencyMs())).then(answer) : answer;
    }

    private Mono<Void> answer(String body, Faults current, HttpServerResponse response) {
        double roll = ThreadLocalRandom.current().nextDouble();
        if (roll < current.unavailableRate()) {
            deliveries.fault("UNAVAILABLE");
            return error(response, 503, "UNAVAILABLE", "UNAVAILABLE", "The service is currently unavailable.", current);
        }
        if (roll < current.unavailableRate() + current.quotaExceededRate()) {
            deliveries.fault("QUOTA_EXCEEDED");
            return error(response, 429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED", "Quota exceeded for quota metric.", current);
        }
        JsonNode message = json.readTree(body).path("message");
        String token = message.path("token").asString("");
        if (!TOKEN.matcher(token).matches()) {
            deliveries.fault("INVALID_ARGUMENT");
            return error(response, 400, "INVALID_ARGUMENT", "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token", current);
        }
        if (deliveries.isUnregistered(token)) {
            deliveries.fault("UNREGISTERED");
            return error(response, 404, "NOT_FOUND", "UNREGISTERED", "Requested entity was not found.", current);
        }
        long id = deliveries.accept(token, collapseId(message), message.path("notification").path("title").asString(""),
            message.path("notification").path("body").asString(""));
        return json(response, 200, Map.of("name", "projects/chorus-local/messages/0:" + id));
    }

    private static String collapseId(JsonNode message) {
        String android = message.path("android").path("collapse_key").asString("");
        return android.isEmpty() ? message.path("apns").path("headers").path("apns-collapse-id").asString("") : android;
    }

    private Mono<Void> error(HttpServerResponse response, int status, String grpcStatus, String fcmCode, String text, Faults current) {
        if (status == 429 || status == 503) {
            response.header("Retry-After", String.valueOf(current.retryAfterSeconds()));
        }
        Map<String, Object> error = Map.of("error", Map.of("code", status, "message", text, "status", grpcStatus,
            "details", java.util.List.of(Map.of("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError", "errorCode", fcmCode))));
        return json(response, status, error);
    }

    private Mono<Void> configure(String body, HttpServerResponse response) {
        JsonNode node = json.readTree(body);
        Faults current = faults;
        faults = new Faults(node.path("latencyMs").asLong(current.latencyMs()),
            node.path("unavailableRate").asDouble(current.unavailableRate()),
            node.path("quotaExceededRate").asDouble(current.quotaExceededRate()),
            node.path("retryAfterSeconds").asInt(current.retryAfterSeconds()));
        return json(response, 200, faults);
    }

    private Mono<Void> unregister(String body, HttpServerResponse response) {
        json.readTree(body).path("tokens").forEach(token -> deliveries.unregister(token.asString()));
        return json(response, 200, Map.of("ok", true));
    }

    private Mono<Void> json(HttpServerResponse response, int status, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return response.status(HttpResponseStatus.valueOf(status))
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("Content-Length", String.valueOf(bytes.length))
            .send(Mono.just(Unpooled.wrappedBuffer(bytes))).then();
    }

    private static int intParam(String uri, String name, int fallback) {
        int at = uri.indexOf(name + "=");
        if (at < 0) {
            return fallback;
        }
        String rest = uri.substring(at + name.length() + 1).split("&")[0];
        try {
            return Integer.parseInt(rest);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        server.disposeNow();
        loops.disposeLater().block();
    }

    /**
     * Command line: {@code --host 127.0.0.1 --port 9099 --latency-ms 0 --unavailable-rate 0 --quota-rate 0
     * --retry-after 1}.
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Faults faults = new Faults(Long.parseLong(options.getOrDefault("latency-ms", "0")),
            Double.parseDouble(options.getOrDefault("unavailable-rate", "0")),
            Double.parseDouble(options.getOrDefault("quota-rate", "0")),
            Integer.parseInt(options.getOrDefault("retry-after", "1")));
        FcmStandIn standIn = start(options.getOrDefault("host", "127.0.0.1"),
            Integer.parseInt(options.getOrDefault("port", "9099")), faults);
        System.out.println("FCM stand-in listening on " + standIn.url() + " (GET /pushes, GET /counts)");
        new CountDownLatch(1).await();
    }

    /** How the stand-in misbehaves: latency per send, and the share of sends answered 503 or 429. */
    public record Faults(long latencyMs, double unavailableRate, double quotaExceededRate, int retryAfterSeconds) {
        public static final Faults NONE = new Faults(0, 0, 0, 1);
    }
}
