package app.chorus.opinions;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Steps shared by the opinion map's tests, as people of the seeded demo trust (signed in with Spring Security's test
 * authentication: these tests are not about sign-in): the trust leader opens trust-wide conversations for pupils.
 */
record OpinionScenario(WebTestClient web) {

    /** A client bound to the running application, so requests can carry a test authentication. */
    static OpinionScenario of(org.springframework.context.ApplicationContext context) {
        return new OpinionScenario(WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build());
    }

    static final CurrentUser LEADER = new CurrentUser("leader", "leader.trust", "stf-00001", Set.of(Role.TRUST_LEADER));
    static final String BASE = "/api/v1/opinions/conversations";

    static CurrentUser pupil(int number) {
        String id = String.format("pup-%06d", number);
        return new CurrentUser(id, id, id, Set.of(Role.PUPIL));
    }

    WebTestClient as(CurrentUser user) {
        var roles = user.roles().stream().map(role -> "ROLE_" + role.claimValue()).toArray(String[]::new);
        return web.mutateWith(mockAuthentication(new TestingAuthenticationToken(user, null, roles)));
    }

    /** A trust-wide conversation for pupils; strict unless said otherwise. */
    String open(String topic, Boolean strict) {
        var body = new java.util.HashMap<String, Object>(Map.of("topic", topic,
            "audience", Map.of("scope", "TRUST", "ids", List.of(), "roles", List.of("PUPILS"))));
        if (strict != null) {
            body.put("strict", strict);
        }
        return (String) as(LEADER).post().uri(BASE).bodyValue(body).exchange().expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    WebTestClient.ResponseSpec write(CurrentUser who, String conversation, String text) {
        return as(who).post().uri(BASE + "/{id}/statements", conversation).bodyValue(Map.of("text", text)).exchange();
    }

    /** A leader's seeded statement, shown at once; answers its id. */
    String seed(String conversation, String text) {
        return (String) write(LEADER, conversation, text).expectStatus().isCreated().expectBody(Map.class).returnResult()
            .getResponseBody().get("id");
    }

    WebTestClient.ResponseSpec vote(CurrentUser who, String conversation, String statement, String vote) {
        return as(who).post().uri(BASE + "/{id}/votes", conversation)
            .bodyValue(Map.of("statementId", statement, "vote", vote)).exchange();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(CurrentUser who, String conversation) {
        return as(who).get().uri(BASE + "/{id}/map", conversation).exchange().expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The map once it satisfies {@code ready} (the live map updates once a second). */
    Map<String, Object> mapOnce(CurrentUser who, String conversation, Predicate<Map<String, Object>> ready) {
        return await("the map of " + conversation).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
            .until(() -> map(who, conversation), ready);
    }

    static long version(Map<String, Object> map) {
        return ((Number) map.get("version")).longValue();
    }
}
