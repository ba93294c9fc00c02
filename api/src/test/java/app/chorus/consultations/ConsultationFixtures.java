package app.chorus.consultations;

import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Consultations made and taken part in over HTTP with real tokens. */
final class ConsultationFixtures {

    static final String OLIVER = "pup-000001";
    private final WebTestClient web;

    ConsultationFixtures(WebTestClient web) {
        this.web = web;
    }

    /** A consultation body: trust-wide when {@code schoolId} is null; phases start at the given times in order. */
    static Map<String, Object> draft(String title, String schoolId, Map<String, Object> audience, Object... phaseAndStart) {
        List<Map<String, Object>> phases = new ArrayList<>();
        for (int i = 0; i < phaseAndStart.length; i += 2) {
            phases.add(Map.of("phase", phaseAndStart[i], "startsAt", phaseAndStart[i + 1].toString()));
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        if (schoolId != null) {
            draft.put("schoolId", schoolId);
        }
        draft.put("defaultLanguage", "en");
        draft.put("translations", Map.of("en", Map.of("title", title, "question", "What should we do?", "body", "Tell us."),
            "pl", Map.of("title", title + " (pl)", "question", "Co powinniśmy zrobić?", "body", "Powiedz nam.")));
        draft.put("decider", Map.of("binding", false, "decidedBy", "the governing body"));
        draft.put("audience", audience);
        draft.put("phases", phases);
        return draft;
    }

    static Map<String, Object> audience(String scope, List<String> ids, String... roles) {
        return Map.of("scope", scope, "ids", ids, "roles", List.of(roles));
    }

    static Instant ago(long minutes) {
        return Instant.now().minus(minutes, ChronoUnit.MINUTES);
    }

    static Instant in(long minutes) {
        return Instant.now().plus(minutes, ChronoUnit.MINUTES);
    }

    String create(String who, Map<String, Object> draft) {
        return web.post().uri("/api/v1/consultations").header("Authorization", Tokens.bearer(who)).bodyValue(draft)
            .exchange().expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    /** An open trust-wide carers consultation in its ideas phase, deliberation in a day. */
    String trustCarersInIdeas(String title) {
        return create("leader.trust", draft(title, null, audience("TRUST", List.of(), "CARERS"), "IDEAS", ago(1), "DELIBERATION", in(1440)));
    }

    WebTestClient.ResponseSpec propose(String who, String consultationId, String as, String title) {
        return web.post().uri(uri -> uri.path("/api/v1/consultations/{id}/ideas").queryParamIfPresent("as", java.util.Optional.ofNullable(as))
                .build(consultationId))
            .header("Authorization", Tokens.bearer(who)).bodyValue(Map.of("title", title, "body", "Because it helps."))
            .exchange();
    }

    String proposed(String who, String consultationId, String as, String title) {
        return propose(who, consultationId, as, title).expectStatus().isCreated()
            .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    WebTestClient.ResponseSpec support(String who, String consultationId, String ideaId, String as) {
        return web.put().uri(uri -> uri.path("/api/v1/consultations/{id}/ideas/{idea}/support")
                .queryParamIfPresent("as", java.util.Optional.ofNullable(as)).build(consultationId, ideaId))
            .header("Authorization", Tokens.bearer(who)).exchange();
    }

    WebTestClient.ResponseSpec comment(String who, String consultationId, String as, Map<String, Object> body) {
        return web.post().uri(uri -> uri.path("/api/v1/consultations/{id}/comments")
                .queryParamIfPresent("as", java.util.Optional.ofNullable(as)).build(consultationId))
            .header("Authorization", Tokens.bearer(who)).bodyValue(body).exchange();
    }

    Map<?, ?> get(String who, String consultationId) {
        return web.get().uri("/api/v1/consultations/{id}", consultationId).header("Authorization", Tokens.bearer(who))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
