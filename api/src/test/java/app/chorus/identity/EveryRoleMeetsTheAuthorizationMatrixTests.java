package app.chorus.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the api's own OpenAPI document, asked by every role of the demo trust (Spring Security test JWTs
 * with the claims Keycloak issues them), about Oakfield (sch-001, where every demo person has a role) and about a
 * school none of the school-scoped people has a role in (sch-003). The expected answers are the table
 * {@code src/test/resources/authorization-matrix.md}; an operation without a row fails. Whatever the table says, three
 * rules hold: no 5xx; another school's data is never answered with 2xx to someone without a role there; and it is
 * never 403 where the own school's is not (a 403 would tell that the thing exists). Re-record the table (after
 * reviewing the change) with {@code -Dchorus.matrix.write=true}.
 */
@ApiTest
class EveryRoleMeetsTheAuthorizationMatrixTests {

    static final String OWN = "sch-001";
    static final String OTHER = "sch-003";
    /** The first pupil is Oliver at Oakfield; the demo trust fills schools in order, so the last pupil is at sch-003. */
    static final String OWN_PUPIL = "pup-000001";
    static final String OTHER_PUPIL = "pup-000120";
    static final Path TABLE = Path.of("src/test/resources/authorization-matrix.md");
    static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    static final int READERS = 8;
    static final Map<String, String> QUERY = Map.of("filename", "matrix.txt", "question", "ideas", "dryRun", "true", "name", "ab");

    /** The roles of the issue, as the realm grants them to the demo logins. */
    enum Caller {
        TRUST_LEADER("trust leader", "leader.trust", "stf-00001", true, "trust-leader", "staff"),
        TRUST_ADMIN("trust admin", "leader.trust", "stf-00001", true, "trust-admin", "staff"),
        SCHOOL_LEADER("school leader", "head.oakfield", "stf-00002", false, "school-leader", "staff"),
        STAFF("staff", "teacher.oakfield", "stf-00003", false, "staff"),
        CARER("carer", "carer.demo", "car-000001", false, "carer"),
        PUPIL("pupil", "pupil.demo", OWN_PUPIL, false, "pupil"),
        SAFEGUARDING_LEAD("safeguarding lead", "safeguarding.oakfield", "stf-00004", false, "safeguarding-lead", "staff"),
        PRIVACY_OFFICER("privacy officer", "privacy.trust", "stf-00005", true, "privacy-officer", "staff"),
        NO_TOKEN("no token", null, null, false);

        final String label;
        final String username;
        final String personId;
        final boolean trustWide;
        final List<String> roles;

        Caller(String label, String username, String personId, boolean trustWide, String... roles) {
            this.label = label;
            this.username = username;
            this.personId = personId;
            this.trustWide = trustWide;
            this.roles = List.of(roles);
        }
    }

    record Operation(String method, String path, boolean jsonBody, boolean multipart, List<String> query) {

        String key() {
            return method + " " + path;
        }

        boolean streams() {
            return path.contains("/stream");
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient web;

    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() throws Exception {
        WebTestClient client = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build();
        Map<Caller, WebTestClient> clients = new EnumMap<>(Caller.class);
        for (Caller caller : Caller.values()) {
            clients.put(caller, as(client, caller));
        }
        List<Operation> operations = operations();
        MatrixFixtures own = MatrixFixtures.of(OWN, OWN_PUPIL, clients.get(Caller.TRUST_LEADER), pupil(client, OWN_PUPIL));
        MatrixFixtures other = MatrixFixtures.of(OTHER, OTHER_PUPIL, clients.get(Caller.TRUST_LEADER), pupil(client, OTHER_PUPIL));

        Map<String, Map<Caller, String>> answers = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        int cells = 0;
        List<Future<Answer>> reading = new ArrayList<>();
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        try {
            for (Operation operation : operations) {
                boolean read = operation.method().equals("GET");
                if (!read) {
                    collect(reading, answers, broken); // a write sees every read before it done, as in document order
                }
                String ownUri = uri(operation, own);
                String otherUri = uri(operation, other);
                for (Caller caller : Caller.values()) {
                    Callable<Answer> ask = () -> ask(clients.get(caller), operation, caller, ownUri, otherUri);
                    if (read) {
                        reading.add(readers.submit(ask));
                    } else {
                        record(ask.call(), answers, broken); // writes one caller after another: state carries over
                    }
                    cells += ownUri.equals(otherUri) ? 1 : 2;
                }
            }
            collect(reading, answers, broken);
        } finally {
            readers.shutdownNow();
        }
        System.out.printf("Authorization matrix: %d operations, %d roles, %d cells checked%n", operations.size(),
            Caller.values().length, cells);

        if (Boolean.getBoolean("chorus.matrix.write")) {
            Files.writeString(TABLE, MatrixTable.render(answers));
        }
        Map<String, Map<String, String>> expected = MatrixTable.parse(Files.readString(TABLE));
        assertThat(broken).as("rules every cell must keep").isEmpty();
        for (Operation operation : operations) {
            assertThat(expected).as("%s has no rows in %s: add it (every role, own/other school)", operation.key(), TABLE)
                .containsKey(operation.key());
        }
        List<String> differences = new ArrayList<>();
        answers.forEach((operation, byCaller) -> byCaller.forEach((caller, answer) -> {
            String wanted = expected.get(operation).get(caller.label);
            if (wanted == null || !allowedAlike(answer).equals(allowedAlike(wanted))) {
                differences.add(operation + " as " + caller.label + ": table says " + wanted + ", api answered " + answer);
            }
        }));
        assertThat(differences).as("answers that differ from %s", TABLE).isEmpty();
    }

    /** One role's answers about one operation: own school, and other school when the operation is about one. */
    record Answer(Operation operation, Caller caller, boolean scoped, int own, int other) {
    }

    /**
     * Reads change nothing, so the reads between two writes are asked at once ({@value READERS} at a time): most of
     * the matrix's cells are reads, and a stream's answer takes its 200 ms whoever else is asking.
     */
    private static Answer ask(WebTestClient client, Operation operation, Caller caller, String ownUri, String otherUri) {
        boolean scoped = !ownUri.equals(otherUri);
        int own = call(client, operation, ownUri);
        return new Answer(operation, caller, scoped, own, scoped ? call(client, operation, otherUri) : own);
    }

    private static void collect(List<Future<Answer>> reading, Map<String, Map<Caller, String>> answers, List<String> broken)
        throws InterruptedException, ExecutionException {
        for (Future<Answer> answer : reading) {
            record(answer.get(), answers, broken);
        }
        reading.clear();
    }

    private static void record(Answer answer, Map<String, Map<Caller, String>> answers, List<String> broken) {
        answers.computeIfAbsent(answer.operation().key(), key -> new EnumMap<>(Caller.class)).put(answer.caller(),
            answer.scoped() ? answer.own() + "/" + answer.other() : String.valueOf(answer.own()));
        broken.addAll(ruleBreaks(answer.operation(), answer.caller(), answer.scoped(), answer.own(), answer.other()));
    }

    /**
     * 2xx and 409 both mean the role passed: whether the thing's state then allowed it (a consultation advanced by an
     * earlier caller, a post already submitted) depends on what the callers before did, not on authorization.
     */
    private static String allowedAlike(String cell) {
        return cell.replaceAll("\\b(2\\d\\d|409)\\b", "allowed");
    }

    private static List<String> ruleBreaks(Operation operation, Caller caller, boolean scoped, int own, int other) {
        List<String> broken = new ArrayList<>();
        String cell = operation.key() + " as " + caller.label;
        if (own >= 500 || other >= 500) {
            broken.add(cell + ": " + own + "/" + other + " is a server error");
        }
        if (scoped && !caller.trustWide && caller != Caller.NO_TOKEN) {
            if (other >= 200 && other < 300) {
                broken.add(cell + ": another school's data answered " + other);
            }
            if (other == 403 && own != 403) {
                broken.add(cell + ": another school's data answered 403 (own school " + own + "): it must be 404");
            }
        }
        return broken;
    }

    private static int call(WebTestClient client, Operation operation, String uri) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(operation.method())).uri(uri);
        WebTestClient.RequestHeadersSpec<?> ready = request;
        if (operation.jsonBody()) {
            ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}");
        } else if (operation.multipart()) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("file", "not a roster".getBytes()).filename("users.csv");
            ready = request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(parts.build()));
        } else if (operation.path().endsWith("/attachments") && operation.method().equals("POST")) {
            ready = request.contentType(MediaType.TEXT_PLAIN).bodyValue("matrix attachment");
        }
        FluxExchangeResult<byte[]> result = ready.exchange().returnResult(byte[].class);
        int status = result.getStatus().value();
        boolean stream = operation.streams()
            || MediaType.TEXT_EVENT_STREAM.isCompatibleWith(result.getResponseHeaders().getContentType());
        // a stream (such as a survey's live results) never ends by itself: 200 ms of it, not the 30 s cut-off
        result.getResponseBody().take(Duration.ofMillis(stream ? 200 : 30_000)).then().block(Duration.ofSeconds(60));
        return status;
    }

    private String uri(Operation operation, MatrixFixtures fixtures) {
        Matcher parameters = PARAMETER.matcher(operation.path());
        StringBuilder uri = new StringBuilder();
        while (parameters.find()) {
            parameters.appendReplacement(uri, Matcher.quoteReplacement(fixtures.value(operation.path(), parameters.group(1))));
        }
        parameters.appendTail(uri);
        String separator = "?";
        for (String name : operation.query()) {
            if (QUERY.containsKey(name)) {
                uri.append(separator).append(name).append('=').append(QUERY.get(name));
                separator = "&";
            }
        }
        return uri.toString();
    }

    private List<Operation> operations() {
        byte[] document = web.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(document).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            JsonNode byMethod = paths.get(path);
            for (String method : byMethod.propertyNames()) {
                JsonNode operation = byMethod.get(method);
                JsonNode content = operation.path("requestBody").path("content");
                List<String> query = new ArrayList<>();
                operation.path("parameters").forEach(parameter -> {
                    if ("query".equals(parameter.path("in").asString())) {
                        query.add(parameter.path("name").asString());
                    }
                });
                operations.add(new Operation(method.toUpperCase(), path, content.has("application/json"),
                    content.has("multipart/form-data"), query));
            }
        }
        return operations;
    }

    private static WebTestClient as(WebTestClient client, Caller caller) {
        if (caller == Caller.NO_TOKEN) {
            return client;
        }
        return client.mutateWith(mockAuthentication(TestJwts.authentication(TestJwts.token(caller.username, caller.personId,
            caller.roles))));
    }

    private static WebTestClient pupil(WebTestClient client, String pupilId) {
        return client.mutateWith(mockAuthentication(TestJwts.authentication(TestJwts.token(pupilId, pupilId, List.of("pupil")))));
    }
}
