package app.chorus.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens from the running Keycloak (password grant on the test-only client {@code chorus-test}).
 * Tokens are cached for 60 s per user: the realm issues them for 5 minutes.
 */
public final class Tokens {

    public static final String PASSWORD = "chorus-demo";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedAt) {
    }

    private Tokens() {
    }

    public static String keycloakUrl() {
        return System.getProperty("chorus.keycloak.url", "http://127.0.0.1:8180");
    }

    /** A token for a demo user of realm {@code chorus}. */
    public static String of(String username) {
        Cached cached = cache.get(username);
        if (cached != null && System.currentTimeMillis() - cached.fetchedAt < 60_000) {
            return cached.token;
        }
        String token = fetch("chorus", "chorus-test", username);
        cache.put(username, new Cached(token, System.currentTimeMillis()));
        return token;
    }

    /** A fresh token from any realm and client (no cache). */
    public static String fetch(String realm, String clientId, String username) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
            + "&password=" + enc(PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/" + realm + "/protocol/openid-connect/token"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher matcher = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !matcher.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + username + " (" + response.statusCode()
                    + "): " + response.body() + ". Is Keycloak running? ./chorus test starts it.");
            }
            return matcher.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl()
                + ": run the tests through ./chorus test, which starts it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String bearer(String username) {
        return "Bearer " + of(username);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
