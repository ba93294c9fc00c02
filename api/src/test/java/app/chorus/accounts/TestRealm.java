package app.chorus.accounts;

import app.chorus.testing.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A realm of its own in the running Keycloak, made from keycloak/chorus-realm.json (so it holds the demo users and the
 * service account's realm-management roles), through the master realm's admin (as {@code ./chorus keycloak} starts it:
 * admin/admin unless KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD say otherwise). The shared {@code chorus} realm is never touched.
 */
final class TestRealm {

    /** Makes the realm before the test class and deletes it after. */
    static final class ForTheClass implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            create();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            delete();
        }
    }

    /** The realm as a property value: one per Surefire fork, so that forks running accounts tests at once keep apart. */
    static final String PROPERTY_VALUE = "chorus-accounts-test-${chorus.test.fork:fork-0}";
    static final String NAME = "chorus-accounts-test-" + System.getProperty("chorus.test.fork", "fork-0");
    private static final JsonMapper json = JsonMapper.builder().build();
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRealm() {
    }

    /** Makes the realm afresh (deleting one left by an earlier run). */
    static void create() {
        create(Map.of());
    }

    /** Makes the realm afresh with these realm settings changed (e.g. its {@code smtpServer}). */
    static void create(Map<String, Object> settings) {
        delete();
        try {
            Map<String, Object> realm = json.readValue(Files.readString(Path.of("../keycloak/chorus-realm.json")),
                new TypeReference<Map<String, Object>>() { });
            realm.putAll(settings);
            realm.put("realm", NAME);
            send("POST", "/admin/realms", json.writeValueAsString(realm), 201);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete() {
        send("DELETE", "/admin/realms/" + NAME, null, 204, 404);
    }

    /** The test realm's users linked to this sourcedId. */
    static List<Map<String, Object>> usersLinkedTo(String sourcedId) {
        String body = send("GET", "/admin/realms/" + NAME + "/users?briefRepresentation=false&exact=true&q="
            + URLEncoder.encode("sourcedId:" + sourcedId, StandardCharsets.UTF_8), null, 200);
        return json.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
    }

    static Map<String, Object> userLinkedTo(String sourcedId) {
        List<Map<String, Object>> users = usersLinkedTo(sourcedId);
        if (users.size() != 1) {
            throw new AssertionError("expected one account linked to " + sourcedId + ", found " + users);
        }
        return users.get(0);
    }

    static List<String> realmRoles(String userId) {
        String body = send("GET", "/admin/realms/" + NAME + "/users/" + userId + "/role-mappings/realm", null, 200);
        return json.readValue(body, new TypeReference<List<Map<String, Object>>>() { }).stream()
            .map(role -> (String) role.get("name")).toList();
    }

    /** The test realm's users with exactly this email. */
    static List<Map<String, Object>> usersWithEmail(String email) {
        String body = send("GET", "/admin/realms/" + NAME + "/users?exact=true&email=" + enc(email), null, 200);
        return json.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
    }

    /** The identity providers this account is linked to ({@code identityProvider}, {@code userId}, {@code userName}). */
    static List<Map<String, Object>> federatedIdentities(String userId) {
        String body = send("GET", "/admin/realms/" + NAME + "/users/" + userId + "/federated-identity", null, 200);
        return json.readValue(body, new TypeReference<List<Map<String, Object>>>() { });
    }

    static void deleteUser(String userId) {
        send("DELETE", "/admin/realms/" + NAME + "/users/" + userId, null, 204);
    }

    /** Calls the master realm's admin API, answering the body when the status is one of {@code expected}. */
    static String send(String method, String path, String body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Tokens.keycloakUrl() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + adminToken())
            .header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response.body();
                }
            }
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + Tokens.keycloakUrl() + ": run ./chorus keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
            + enc(System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"))
            + "&password=" + enc(System.getenv().getOrDefault("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Tokens.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the master realm's admin could not sign in: " + response.body());
            }
            return (String) json.readValue(response.body(), new TypeReference<Map<String, Object>>() { }).get("access_token");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
