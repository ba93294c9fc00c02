package app.chorus.identity;

import static app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.OWN;
import static app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.OWN_PUPIL;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.identity.EveryRoleMeetsTheAuthorizationMatrixTests.Caller;
import app.chorus.testing.ApiTest;
import app.chorus.testing.fuzz.Choices;
import app.chorus.testing.fuzz.MangledBodies;
import app.chorus.testing.fuzz.SchemaExamples;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coverage-guided fuzzing of the whole api as an integrating developer could call it (Jazzer): the fuzzer's bytes pick
 * an operation of the api's own OpenAPI document, who calls it (the role the authorization matrix lets through, any
 * other role, or no token), its path parameters (the matrix's fixtures or garbage), its query and its body (the
 * operation's example, damaged as {@link MangledBodies} knows how, or raw bytes). The request goes through the api's
 * WebFlux handler in-process. Whatever arrives: never a 5xx; every 4xx is a problem naming the field or the rule; a
 * refused write writes nothing. Bounded in the full test run; {@code ./chorus bench fuzz} runs it in rounds, from the
 * corpus the earlier ones kept.
 */
@ApiTest
class IntegratorFuzzesEveryApiOperationFuzzTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Caller> CALLERS = List.of(Caller.values());
    private static Api api;

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @FuzzTest(maxDuration = "40s")
    void noRequestGivesAServerErrorAndNoRefusedWriteWritesAnything(FuzzedDataProvider data) {
        Api operations = api();
        Operation operation = data.pickValue(operations.all());
        Caller caller = data.consumeBoolean() ? operation.allowed() : data.pickValue(CALLERS);
        MangledBodies mangle = new MangledBodies(bound -> data.consumeInt(0, bound - 1));
        String path = RequestsToEveryOperation.fill(operation.path(), name -> data.consumeBoolean()
            ? operations.fixtures().value(operation.path(), name) : UriUtils.encodePathSegment(mangle.queryValue(), StandardCharsets.UTF_8));
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        for (String name : operation.query()) {
            if (data.consumeBoolean()) {
                uri.queryParam(name, UriUtils.encodeQueryParam(mangle.queryValue(), StandardCharsets.UTF_8));
            }
        }
        byte[] body = body(operation, mangle, data);
        boolean writes = operation.method() != HttpMethod.GET;
        List<Long> before = writes ? RequestsToEveryOperation.counts(mongo) : null;
        WebTestClient client = caller == Caller.NO_TOKEN ? operations.anonymous() : operations.clients().get(caller);
        String target = uri.build(true).toUriString();
        RequestsToEveryOperation.Answer answer = RequestsToEveryOperation.exchange(client, operation.method(), target, body);

        String request = operation.method() + " " + target + " as " + caller.label;
        assertThat(answer.wrong()).as("answer to %s", request).isNull();
        if (writes && answer.status() >= 400) {
            assertThat(RequestsToEveryOperation.counts(mongo)).as("documents after %s was refused with %d", request, answer.status())
                .isEqualTo(before);
        }
    }

    /** The operation's example, damaged or not, or the fuzzer's own bytes; none for an operation without a JSON body. */
    private static byte[] body(Operation operation, MangledBodies mangle, FuzzedDataProvider data) {
        if (operation.example() == null) {
            return data.consumeBoolean() ? null : data.consumeBytes(data.consumeInt(0, 512));
        }
        return switch (data.consumeInt(0, 3)) {
            case 0 -> JSON.writeValueAsBytes(operation.example());
            case 1 -> data.consumeBytes(data.consumeInt(0, 2048));
            default -> mangle.mangle(operation.example()).body();
        };
    }

    private record Operation(HttpMethod method, String path, List<String> query, JsonNode example, Caller allowed) {
    }

    private record Api(List<Operation> all, Map<Caller, WebTestClient> clients, WebTestClient anonymous, MatrixFixtures fixtures) {
    }

    /** Read once per fuzzing run: the operations, the clients and the matrix's fixtures (the first execution makes them). */
    private Api api() {
        if (api == null) {
            api = read();
        }
        return api;
    }

    private Api read() {
        try {
            // the first OpenAPI document of an api with all of our code instrumented can take over a minute to make
            JsonNode document = JSON.readTree(web.mutate().responseTimeout(Duration.ofMinutes(5)).build().get().uri("/v3/api-docs")
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
            Map<String, Map<String, String>> table = MatrixTable.parse(Files.readString(EveryRoleMeetsTheAuthorizationMatrixTests.TABLE));
            Map<Caller, WebTestClient> clients = RequestsToEveryOperation.clients(context);
            MatrixFixtures fixtures = MatrixFixtures.of(OWN, OWN_PUPIL, clients.get(Caller.TRUST_LEADER), clients.get(Caller.PUPIL))
                .withInstallation("fuzz-device");
            SchemaExamples examples = new SchemaExamples(document, IntegratorSendsMangledBodiesToEveryOperationTests.KNOWN);
            List<Operation> operations = new ArrayList<>();
            JsonNode paths = document.get("paths");
            for (String path : paths.propertyNames()) {
                for (String method : paths.get(path).propertyNames()) {
                    JsonNode operation = paths.get(path).get(method);
                    JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
                    Caller allowed = RequestsToEveryOperation.allowed(table.get(method.toUpperCase() + " " + path));
                    operations.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path, RequestsToEveryOperation.query(operation),
                        body.isMissingNode() ? null : examples.of(body), allowed == null ? Caller.TRUST_LEADER : allowed));
                }
            }
            System.out.printf("Fuzzing %d operations of the api%n", operations.size());
            return new Api(List.copyOf(operations), clients, RequestsToEveryOperation.anonymous(context), fixtures);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
