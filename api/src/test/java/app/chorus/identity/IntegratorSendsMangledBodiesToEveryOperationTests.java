package app.chorus.identity;

import static app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.OWN;
import static app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.OWN_PUPIL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.Caller;
import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.ApiTest;
import app.chorus.testing.fuzz.Choices;
import app.chorus.testing.fuzz.MangledBodies;
import app.chorus.testing.fuzz.Refusals;
import app.chorus.testing.fuzz.SchemaExamples;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the api's OpenAPI document that takes a JSON body or query parameters, sent bodies and queries
 * damaged in every way {@link MangledBodies} knows, by a role the authorization matrix lets through (so the damage
 * reaches the endpoint rather than the door). Whatever arrives: never a 5xx; every 4xx is a problem naming the field
 * or the rule; and a refusal writes nothing (the collections a request could write are counted before and after, for
 * every fourth). A seeded run ({@code -Dchorus.fuzz.seed}, {@code -Dchorus.fuzz.bodies} per operation) is the
 * same every time; {@code ./chorus bench fuzz} runs it longer with fresh seeds.
 */
@ApiTest
class IntegratorSendsMangledBodiesToEveryOperationTests {

    private static final long SEED = Long.getLong("chorus.fuzz.seed", 20_261_206L);
    private static final int BODIES = Integer.getInteger("chorus.fuzz.bodies", 8);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    /** Values that get an example body past the first checks, so the damage reaches the deeper ones. */
    private static final Map<String, Object> KNOWN = Map.ofEntries(Map.entry("schoolId", OWN), Map.entry("ids", List.of(OWN)),
        Map.entry("school", OWN), Map.entry("scope", "SCHOOLS"), Map.entry("roles", List.of("CARERS")),
        Map.entry("defaultLanguage", "en"), Map.entry("language", "en"), Map.entry("locale", "en-GB"),
        Map.entry("platform", "android"), Map.entry("appVersion", "2.1.0"), Map.entry("token", "f".repeat(40) + ":APA91b" + "x".repeat(120)),
        Map.entry("questionId", "ideas"), Map.entry("quietFrom", "21:00"), Map.entry("quietUntil", "07:00"),
        Map.entry("mutedSchools", List.of(OWN)), Map.entry("channels", List.of("push")), Map.entry("state", "shown"),
        Map.entry("requiresAcknowledgement", true), Map.entry("acknowledgeBy", NOW.plus(2, ChronoUnit.DAYS).toString()),
        Map.entry("publishAt", NOW.plus(1, ChronoUnit.HOURS).toString()), Map.entry("closesAt", NOW.plus(7, ChronoUnit.DAYS).toString()),
        Map.entry("startsAt", NOW.plus(1, ChronoUnit.HOURS).toString()), Map.entry("endsAt", NOW.plus(30, ChronoUnit.DAYS).toString()),
        Map.entry("announcementReceipts", "P2Y"), Map.entry("auditEntries", "P6Y"), Map.entry("consultationContributions", "P2Y"),
        Map.entry("decisionBallots", "P1Y"), Map.entry("opinionVotes", "P1Y"), Map.entry("rosterLeavers", "P1Y"),
        Map.entry("surveyResponses", "P2Y"), Map.entry("devices", "P1Y"));
    /** What a request may write: counted around refusals (background sweeps write elsewhere). */
    private static final List<String> WRITTEN = List.of("announcements", "announcement_receipts", "surveys",
        "survey_responses", "consultations", "consultation_ideas", "consultation_comments", "consultation_supports",
        "consultation_local_answers", "decisions", "opinion_conversations", "opinion_statements", "opinion_votes",
        "safeguarding_contacts", "retention_schedule", "notification_opens", "devices", "notification_preferences");

    /** A device id of this test's own: a damaged registration that is still valid must not register the matrix's device. */
    private static final String DEVICE = "mangled-device";

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private final List<String> failures = new ArrayList<>();
    private int sent;
    private int counted;
    private String lastAnswer = "";

    @Test
    void noDamagedBodyOrQueryGivesAServerErrorAndNoRefusalWritesAnything() throws Exception {
        JsonNode document = JSON.readTree(web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
            .returnResult().getResponseBody());
        Map<String, Map<String, String>> table = MatrixTable.parse(Files.readString(EveryRoleMeetsTheAuthorizationMatrixTests.TABLE));
        Map<Caller, WebTestClient> clients = clients();
        MatrixFixtures fixtures = MatrixFixtures.of(OWN, OWN_PUPIL, clients.get(Caller.TRUST_LEADER), clients.get(Caller.PUPIL))
            .withInstallation(DEVICE);
        SchemaExamples examples = new SchemaExamples(document, KNOWN);
        MangledBodies mangle = new MangledBodies(Choices.seeded(SEED));
        int operations = 0;
        Map<String, Integer> baselines = new java.util.TreeMap<>();
        JsonNode paths = document.get("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.get(path).propertyNames()) {
                JsonNode operation = paths.get(path).get(method);
                JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                List<String> query = query(operation);
                String key = method.toUpperCase() + " " + path;
                Caller caller = allowed(table.get(key));
                if ((body.isMissingNode() && query.isEmpty()) || caller == null) {
                    continue;
                }
                operations++;
                Target target = new Target(HttpMethod.valueOf(method.toUpperCase()), fill(path, fixtures), key, clients.get(caller));
                JsonNode valid = body.isMissingNode() ? null : examples.of(body);
                if (valid != null) {
                    int status = send(target, target.uri(), JSON.writeValueAsBytes(valid), "the example body", false);
                    baselines.merge(status / 100 + "xx", 1, Integer::sum);
                    if (status >= 400) {
                        System.out.printf("  example body of %s refused: %s%n", key, lastAnswer.length() > 200 ? lastAnswer.substring(0, 200) : lastAnswer);
                    }
                }
                for (int i = 0; valid != null && i < BODIES; i++) {
                    MangledBodies.Mangled mangled = mangle.mangle(valid);
                    send(target, target.uri(), mangled.body(), mangled.describe(), i % 4 == 0);
                }
                for (int i = 0; !query.isEmpty() && i < BODIES / 2; i++) {
                    UriComponentsBuilder uri = UriComponentsBuilder.fromPath(target.uri());
                    StringBuilder what = new StringBuilder("query");
                    for (String name : query) {
                        String value = i % 2 == 0 || name.equals(query.get(i % query.size())) ? mangle.queryValue() : null;
                        if (value != null) {
                            uri.queryParam(name, value);
                            what.append(' ').append(name).append('=').append(value.length() > 40 ? value.substring(0, 40) + "..." : value);
                        }
                    }
                    byte[] sentBody = valid == null ? null : JSON.writeValueAsBytes(valid);
                    send(target, uri.build().encode().toUriString(), sentBody, what.toString(), false);
                }
            }
        }
        System.out.printf("Mangled input: %d operations, %d requests, %d refusals counted for writes, example bodies %s, %d findings%n",
            operations, sent, counted, baselines, failures.size());
        assertThat(operations).as("operations with a body or a query").isGreaterThan(40);
        assertThat(failures).as("answers to damaged input (seed %d)", SEED).isEmpty();
    }

    private record Target(HttpMethod method, String uri, String key, WebTestClient client) {
    }

    private int send(Target target, String uri, byte[] body, String what, boolean countWrites) {
        List<Long> before = countWrites ? counts() : null;
        WebTestClient.RequestBodySpec request = target.client().method(target.method()).uri(URI.create(uri));
        WebTestClient.RequestHeadersSpec<?> ready = body == null ? request
            : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        FluxExchangeResult<byte[]> result = ready.exchange().returnResult(byte[].class);
        sent++;
        boolean stream = MediaType.TEXT_EVENT_STREAM.isCompatibleWith(result.getResponseHeaders().getContentType());
        byte[] answer = result.getResponseBody().take(Duration.ofMillis(stream ? 200 : 30_000))
            .reduce(new byte[0], IntegratorSendsMangledBodiesToEveryOperationTests::concat).block(Duration.ofSeconds(60));
        int status = result.getStatus().value();
        lastAnswer = answer == null ? "" : new String(answer, StandardCharsets.UTF_8);
        MediaType type = result.getResponseHeaders().getContentType();
        String problem = Refusals.whatIsWrong(status, type == null ? null : type.toString(), answer);
        if (problem != null) {
            failures.add(target.key() + " with " + what + ": " + status + " " + problem);
        }
        if (countWrites && status >= 400 && status < 500) {
            counted++;
            List<Long> after = counts();
            if (!after.equals(before)) {
                failures.add(target.key() + " with " + what + ": refused with " + status + " but wrote (" + before + " -> " + after + ")");
            }
        }
        return status;
    }

    private List<Long> counts() {
        return Flux.fromIterable(WRITTEN).concatMap(name -> mongo.getCollection(name)
            .flatMap(collection -> Mono.from(collection.countDocuments()))).collectList().block();
    }

    /** The first role the matrix lets through about the own school (a 400 there is the empty body refused). */
    private static Caller allowed(Map<String, String> row) {
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

    private static List<String> query(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asString())) {
                names.add(parameter.path("name").asString());
            }
        });
        return names;
    }

    private static String fill(String path, MatrixFixtures fixtures) {
        Matcher parameters = EveryRoleMeetsTheAuthorizationMatrixTests.PARAMETER.matcher(path);
        StringBuilder uri = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(uri, Matcher.quoteReplacement(fixtures.value(path, parameters.group(1))));
        }
        return parameters.appendTail(uri).toString();
    }

    @AfterEach
    void forgetTheDevicesItRegistered() {
        clients().values().forEach(client -> client.delete().uri("/api/v1/devices/" + DEVICE).exchange());
    }

    private Map<Caller, WebTestClient> clients() {
        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build();
        Map<Caller, WebTestClient> clients = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            if (caller != Caller.NO_TOKEN) {
                clients.put(caller, client.mutateWith(mockAuthentication(TestJwts.authentication(
                    TestJwts.token(caller.username, caller.personId, caller.roles)))));
            }
        }
        return clients;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
