package app.chorus.announcements;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What people do with announcements, through the real HTTP api with real Keycloak tokens. */
final class AnnouncementSteps {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final WebTestClient web;

    AnnouncementSteps(WebTestClient web) {
        this.web = web;
    }

    static Map<String, Object> audience(String scope, List<String> ids, String... roles) {
        return Map.of("scope", scope, "ids", ids, "roles", List.of(roles));
    }

    static Map<String, Object> post(String schoolId, Map<String, Object> audience, String title, String body) {
        Map<String, Object> post = new LinkedHashMap<>();
        if (schoolId != null) {
            post.put("schoolId", schoolId);
        }
        post.put("audience", audience);
        post.put("translations", Map.of("en", Map.of("title", title, "body", body)));
        return post;
    }

    static Map<String, Object> with(Map<String, Object> post, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(post);
        changed.put(field, value);
        return changed;
    }

    WebTestClient.ResponseSpec call(HttpMethod method, String login, String path, Object body) {
        WebTestClient.RequestBodySpec request = web.method(method).uri(path).header("Authorization", Tokens.bearer(login));
        return body == null ? request.exchange() : request.bodyValue(body).exchange();
    }

    Map<String, Object> ok(HttpMethod method, String login, String path, Object body) {
        return call(method, login, path, body).expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
    }

    /** Creates and submits; returns the announcement after submission. */
    Map<String, Object> publish(String login, Map<String, Object> post) {
        Map<String, Object> draft = ok(HttpMethod.POST, login, "/api/v1/announcements", post);
        return ok(HttpMethod.POST, login, "/api/v1/announcements/" + draft.get("id") + "/submit", null);
    }

    Map<String, Object> feed(String login) {
        return ok(HttpMethod.GET, login, "/api/v1/feed?limit=100", null);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> feedItems(String login) {
        return (List<Map<String, Object>>) feed(login).get("items");
    }

    List<String> feedIds(String login) {
        List<String> ids = new ArrayList<>();
        feedItems(login).forEach(item -> ids.add((String) item.get("id")));
        return ids;
    }

    Map<String, Object> feedItem(String login, String id) {
        return feedItems(login).stream().filter(item -> id.equals(item.get("id"))).findFirst().orElse(null);
    }

    static void eventually(String what, Duration timeout, BooleanSupplier condition) {
        await(what).atMost(timeout).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }
}
