package app.chorus.identity;

import static app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.OWN;
import static app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.OWN_PUPIL;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.Caller;
import app.chorus.testing.ApiTest;
import app.chorus.testing.fuzz.Choices;
import app.chorus.testing.fuzz.MangledBodies;
import app.chorus.testing.fuzz.SchemaExamples;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
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
    static final Map<String, Object> KNOWN = Map.ofEntries(Map.entry("schoolId", OWN), Map.entry("ids", List.of(OWN)),
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
        Map<Caller, WebTestClient> clients = RequestsToEveryOperation.clients(context);
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
                List<String> query = RequestsToEveryOperation.query(operation);
                String key = method.toUpperCase() + " " + path;
                Caller caller = RequestsToEveryOperation.allowed(table.get(key));
                if ((body.isMissingNode() && query.isEmpty()) || caller == null) {
                    continue;
                }
                operations++;
                Target target = new Target(HttpMethod.valueOf(method.toUpperCase()), RequestsToEveryOperation.fill(path, name -> fixtures.value(path, name)), key, clients.get(caller));
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
        List<Long> before = countWrites ? RequestsToEveryOperation.counts(mongo) : null;
        RequestsToEveryOperation.Answer answer = RequestsToEveryOperation.exchange(target.client(), target.method(), uri, body);
        sent++;
        lastAnswer = answer.text();
        if (answer.wrong() != null) {
            failures.add(target.key() + " with " + what + ": " + answer.status() + " " + answer.wrong());
        }
        if (countWrites && answer.status() >= 400 && answer.status() < 500) {
            counted++;
            List<Long> after = RequestsToEveryOperation.counts(mongo);
            if (!after.equals(before)) {
                failures.add(target.key() + " with " + what + ": refused with " + answer.status() + " but wrote (" + before + " -> " + after + ")");
            }
        }
        return answer.status();
    }

    @AfterEach
    void forgetTheDevicesItRegistered() {
        RequestsToEveryOperation.clients(context).values().forEach(client -> client.delete().uri("/api/v1/devices/" + DEVICE).exchange());
    }
}
