package app.chorus.gateway.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.gateway.testing.GatewayTest;
import app.chorus.gateway.testing.Staff;
import app.chorus.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /mobile/v1} operation of the gateway's own OpenAPI document, asked with each demo login's real token
 * (the gateway relays it to the api, which decides), about an Oakfield (sch-001) announcement and one of sch-003, where
 * no school-scoped demo person has a role. Expected answers: {@code src/test/resources/authorization-matrix.md}; an
 * operation without a row fails. Always: no 5xx, and another school's announcement is never answered 2xx or 403 to
 * someone without a role there. Re-record after review with {@code -Dchorus.matrix.write=true}.
 */
@GatewayTest
class EveryLoginMeetsTheMobileAuthorizationMatrixTests {

    static final Path TABLE = Path.of("src/test/resources/authorization-matrix.md");
    /** Login -> trust-wide (every school is theirs). leader.trust holds both trust leader and trust admin. */
    static final Map<String, Boolean> LOGINS = logins();

    @Autowired
    WebTestClient gateway;

    final Staff staff = new Staff();

    @Test
    void everyMobileOperationAnswersEachLoginAsTheTableSays() throws IOException {
        String own = staff.publish("leader.trust", Staff.post("sch-001", List.of("sch-001"), "Matrix at Oakfield", true));
        String other = staff.publish("leader.trust", Staff.post("sch-003", List.of("sch-003"), "Matrix at sch-003", true));
        Map<String, Map<String, String>> answers = new TreeMap<>();
        List<String> broken = new ArrayList<>();
        int cells = 0;
        for (String[] operation : operations()) {
            String path = operation[1];
            boolean scoped = path.contains("{id}");
            for (Map.Entry<String, Boolean> login : LOGINS.entrySet()) {
                int ownStatus = call(operation[0], path.replace("{id}", own).replace("{installationId}", "matrix-phone"), login.getKey());
                int otherStatus = scoped ? call(operation[0], path.replace("{id}", other), login.getKey()) : ownStatus;
                cells += scoped ? 2 : 1;
                answers.computeIfAbsent(operation[0] + " " + path, key -> new LinkedHashMap<>())
                    .put(login.getKey(), scoped ? ownStatus + "/" + otherStatus : String.valueOf(ownStatus));
                String cell = operation[0] + " " + path + " as " + login.getKey();
                if (ownStatus >= 500 || otherStatus >= 500) {
                    broken.add(cell + ": server error " + ownStatus + "/" + otherStatus);
                }
                boolean schoolScoped = scoped && !login.getValue() && !login.getKey().equals("no token");
                if (schoolScoped && (otherStatus / 100 == 2 || otherStatus == 403 && ownStatus != 403)) {
                    broken.add(cell + ": another school's announcement answered " + otherStatus);
                }
            }
        }
        System.out.printf("Mobile authorization matrix: %d cells checked%n", cells);
        if (Boolean.getBoolean("chorus.matrix.write")) {
            Files.writeString(TABLE, render(answers));
        }
        assertThat(broken).as("rules every cell must keep").isEmpty();
        Map<String, Map<String, String>> expected = parse(Files.readString(TABLE));
        answers.forEach((operation, byLogin) -> {
            assertThat(expected).as("%s has no row in %s: add it", operation, TABLE).containsKey(operation);
            assertThat(byLogin).as("answers to %s (table %s)", operation, TABLE).isEqualTo(expected.get(operation));
        });
    }

    private int call(String method, String uri, String login) {
        WebTestClient.RequestBodySpec request = gateway.method(HttpMethod.valueOf(method)).uri(uri);
        if (!login.equals("no token")) {
            request.header(HttpHeaders.AUTHORIZATION, Tokens.bearer(login.split(" ")[0]));
        }
        WebTestClient.RequestHeadersSpec<?> ready = method.equals("PUT")
            ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request;
        var result = ready.exchange().returnResult(byte[].class);
        result.getResponseBody().take(Duration.ofSeconds(30)).then().block(Duration.ofSeconds(60));
        return result.getStatus().value();
    }

    private List<String[]> operations() {
        byte[] document = gateway.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody().returnResult()
            .getResponseBody();
        JsonNode paths = JsonMapper.builder().build().readTree(document).get("paths");
        List<String[]> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (path.startsWith("/mobile/v1/")) {
                paths.get(path).propertyNames().forEach(method -> operations.add(new String[] {method.toUpperCase(), path}));
            }
        }
        return operations;
    }

    private static String render(Map<String, Map<String, String>> answers) {
        StringBuilder table = new StringBuilder("""
            # Authorization matrix of the mobile gateway

            Checked by `EveryLoginMeetsTheMobileAuthorizationMatrixTests`: every `/mobile/v1` operation of the gateway's
            OpenAPI document, asked with each demo login's real token (PUT with a body of `{}`). A cell `own/other` is the
            status about an Oakfield (sch-001) announcement and one of sch-003; a single status: the operation names no
            school's data. leader.trust is trust leader and trust admin; leader.trust and privacy.trust are trust-wide.
            Re-record after review with `-Dchorus.matrix.write=true`.

            | Operation |""");
        LOGINS.keySet().forEach(login -> table.append(' ').append(login).append(" |"));
        table.append("\n|---|").append("---|".repeat(LOGINS.size())).append('\n');
        answers.forEach((operation, byLogin) -> {
            table.append("| ").append(operation).append(" |");
            byLogin.values().forEach(answer -> table.append(' ').append(answer).append(" |"));
            table.append('\n');
        });
        return table.toString();
    }

    private static Map<String, Map<String, String>> parse(String markdown) {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        List<String> logins = new ArrayList<>(LOGINS.keySet());
        markdown.lines().filter(line -> line.startsWith("| GET") || line.startsWith("| P") || line.startsWith("| DELETE"))
            .forEach(line -> {
                String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i < cells.length && i <= logins.size(); i++) {
                    row.put(logins.get(i - 1), cells[i].trim());
                }
                rows.put(cells[0].trim(), row);
            });
        return rows;
    }

    private static Map<String, Boolean> logins() {
        Map<String, Boolean> logins = new LinkedHashMap<>();
        logins.put("leader.trust", true);
        logins.put("head.oakfield", false);
        logins.put("teacher.oakfield", false);
        logins.put("carer.demo", false);
        logins.put("pupil.demo", false);
        logins.put("safeguarding.oakfield", false);
        logins.put("privacy.trust", true);
        logins.put("no token", false);
        return logins;
    }
}
