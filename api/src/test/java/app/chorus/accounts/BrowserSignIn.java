package app.chorus.accounts;

import app.chorus.testing.Tokens;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser signing in to the test realm's web client (authorization code with PKCE) through an identity provider the
 * realm brokers: redirects followed by hand, cookies kept, the provider's login form filled in.
 */
final class BrowserSignIn {

    /** Where the sign-in ends: a code for the client, or the page Keycloak stopped on. */
    record Outcome(String code, int status, String page) {
    }

    private static final String CLIENT = "chorus-web";
    private static final String REDIRECT = "http://127.0.0.1:8090/signed-in";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final Pattern SECURE = Pattern.compile("(?i);\\s*Secure(?=;|$)");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new PlainHttpCookies())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final String verifier = random();

    /** Signs in through the provider {@code idpHint} as this person of the provider. */
    Outcome through(String idpHint, String username, String password) {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
        Step login = follow(get(URI.create(realmUrl() + "/protocol/openid-connect/auth?response_type=code&scope=openid"
            + "&client_id=" + CLIENT + "&redirect_uri=" + enc(REDIRECT) + "&state=" + random() + "&code_challenge=" + challenge
            + "&code_challenge_method=S256&kc_idp_hint=" + enc(idpHint))));
        Matcher action = FORM_ACTION.matcher(login.page().body());
        if (login.code() != null || !action.find()) {
            throw new AssertionError("no login form at " + login.page().uri() + " (" + login.page().statusCode() + "): " + login.page().body());
        }
        Step end = follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password) + "&credentialId="))));
        return new Outcome(end.code(), end.page().statusCode(), end.page().body());
    }

    /** The access token's claims for a code this sign-in got. */
    Map<String, Object> accessTokenClaims(String code) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT + "&code=" + enc(code)
                + "&redirect_uri=" + enc(REDIRECT) + "&code_verifier=" + verifier)));
        if (response.statusCode() != 200) {
            throw new AssertionError("the code was not exchanged: " + response.body());
        }
        String token = (String) json.readValue(response.body(), new TypeReference<Map<String, Object>>() { }).get("access_token");
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return json.readValue(payload, new TypeReference<Map<String, Object>>() { });
    }

    /**
     * Keycloak marks its cookies Secure (SameSite=None) even on plain http, which the JDK then never sends back; a
     * browser on localhost does. The attribute is dropped so that the test Keycloak on http can be signed in to.
     */
    private static final class PlainHttpCookies extends CookieHandler {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> plain = new HashMap<>(responseHeaders);
            plain.replaceAll((name, values) -> name != null && name.equalsIgnoreCase("Set-Cookie")
                ? values.stream().map(value -> SECURE.matcher(value).replaceAll("")).toList() : values);
            cookies.put(uri, plain);
        }
    }

    /** The last response of a chain of redirects, and the code if the chain reached the client's redirect URI with one. */
    private record Step(HttpResponse<String> page, String code) {
    }

    private Step follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        while (current.statusCode() / 100 == 3) {
            String location = current.headers().firstValue("Location").orElseThrow();
            if (location.startsWith(REDIRECT)) {
                Matcher code = CODE.matcher(location);
                return new Step(current, code.find() ? code.group(1) : null);
            }
            current = get(current.uri().resolve(location));
        }
        return new Step(current, null);
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + Tokens.keycloakUrl() + ": run ./chorus keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String realmUrl() {
        return Tokens.keycloakUrl() + "/realms/" + TestRealm.NAME;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
