package app.chorus.identity;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.Caller;
import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.fuzz.Refusals;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * What the tests that send damaged or fuzzed requests to every operation share: one in-process client per role (Spring
 * Security's test JWTs, through the api's WebFlux handler), the operations' path parameters filled from the matrix's
 * fixtures, an exchange read in full (a stream for a moment), and the collections a request could write, counted
 * around refusals (background sweeps write elsewhere).
 */
final class RequestsToEveryOperation {

    static final List<String> WRITTEN = List.of("announcements", "announcement_receipts", "surveys",
        "survey_responses", "consultations", "consultation_ideas", "consultation_comments", "consultation_supports",
        "consultation_local_answers", "decisions", "opinion_conversations", "opinion_statements", "opinion_votes",
        "safeguarding_contacts", "retention_schedule", "notification_opens", "devices", "notification_preferences");

    private RequestsToEveryOperation() {
    }

    /** One client per role bound to the application context; no entry for {@link Caller#NO_TOKEN} (see {@link #anonymous}). */
    static Map<Caller, WebTestClient> clients(ApplicationContext context) {
        WebTestClient client = anonymous(context);
        Map<Caller, WebTestClient> clients = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.NO_TOKEN) {
                clients.put(caller, client.mutateWith(mockAuthentication(TestJwts.authentication(
                    TestJwts.token(caller.username, caller.personId, caller.roles)))));
            }
        }
        return clients;
    }

    static WebTestClient anonymous(ApplicationContext context) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build();
    }

    /** The first role the matrix lets through about the own school (a 400 there is the empty body refused). */
    static Caller allowed(Map<String, String> row) {
        if (row == null) {
            return null;
        }
        for (Caller caller : Caller.values()) {
            String own = row.getOrDefault(caller.label, "").split("/")[0];
            if (own.matches("2\\d\\d|400|409|413|422")) {
                return caller;
            }
        }
        return null;
    }

    static List<String> query(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        });
        return names;
    }

    /** The path with each {@code {parameter}} replaced by what {@code value} gives for its name. */
    static String fill(String path, java.util.function.Function<String, String> value) {
        Matcher parameters = EveryRoleMeetsTheAuthorizationMatrixTests.PARAMETER.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(uri, Matcher.quoteReplacement(value.apply(parameters.group(1))));
        }
        return parameters.appendTail(uri).toString();
    }

    static List<Long> counts(ReactiveMongoTemplate mongo) {
        return Flux.fromIterable(WRITTEN).concatMap(name -> mongo.getCollection(name)
            .flatMap(collection -> Mono.from(collection.countDocuments()))).collectList().block();
    }

    /** An answer read in full (an event stream for 200 ms): its status, what is wrong with it (null when nothing), its text. */
    record Answer(int status, String wrong, String text) {
    }

    static Answer exchange(WebTestClient client, HttpMethod method, String uri, byte[] body) {
        WebTestClient.RequestBodySpec request = client.method(method).uri(URI.create(uri));
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        FluxExchangeResult<byte[]> result = ready.exchange().returnResult(byte[].class);
        MediaType type = result.getResponseHeaders().getContentType();
        boolean stream = MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type);
        byte[] answer = result.getResponseBody().take(Duration.ofMillis(stream ? 200 : 30_000))
            .reduce(new byte[0], RequestsToEveryOperation::concat).block(Duration.ofSeconds(60));
        int status = result.getStatus().value();
        return new Answer(status, Refusals.whatIsWrong(status, type == null ? null : type.toString(), answer),
            answer == null ? "" : new String(answer, StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
