package app.chorus.moderation;

import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Steps shared by the moderation tests: contributions written in Oakfield (sch-001), queues read over HTTP. */
record ModerationScenario(WebTestClient web, Moderation moderation) {

    static final String OAKFIELD = "sch-001";
    static final String PUPIL = "pup-000001";
    static final String CARER = "car-000001";

    Contribution written(String author, boolean byPupil, String text) {
        return new Contribution(new ContributionRef("test-idea", UUID.randomUUID().toString()), "Playground ideas", text,
            OAKFIELD, Set.of(OAKFIELD), author, byPupil);
    }

    Visibility submit(Contribution contribution) {
        return moderation.submit(contribution).block();
    }

    Visibility visibility(Contribution contribution) {
        return moderation.visibility(contribution.ref()).block();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> page(String who, String uri) {
        Map<String, Object> page = web.get().uri(uri).header("Authorization", Tokens.bearer(who)).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    List<Map<String, Object>> queueOf(String who) {
        return page(who, "/api/v1/moderation/queue?limit=100");
    }

    boolean inQueue(String who, Contribution contribution) {
        return queueOf(who).stream().anyMatch(entry -> contribution.ref().id().equals(entry.get("id")));
    }

    WebTestClient.ResponseSpec decide(String who, Contribution contribution, String visibility, String reason) {
        return web.post().uri("/api/v1/moderation/items/{kind}/{id}/decision", contribution.ref().kind(), contribution.ref().id())
            .header("Authorization", Tokens.bearer(who))
            .bodyValue(reason == null ? Map.of("visibility", visibility) : Map.of("visibility", visibility, "reason", reason))
            .exchange();
    }

    WebTestClient.ResponseSpec post(String who, Contribution contribution, String action, Map<String, ?> body) {
        return web.post().uri("/api/v1/moderation/items/{kind}/{id}/" + action, contribution.ref().kind(), contribution.ref().id())
            .header("Authorization", Tokens.bearer(who)).bodyValue(body).exchange();
    }
}
