package app.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class TrustLeaderReadsWhoDidWhatTests {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;

    @Autowired
    DomainEvents events;

    @Autowired
    AuditTrail trail;

    @Test
    void aPublishedAnnouncementIsRecordedWithWhoPublishedIt() {
        Map<String, Object> post = Map.of("audience", Map.of("scope", "TRUST", "ids", List.of(), "roles", List.of("STAFF")),
            "translations", Map.of("en", Map.of("title", "Audit check", "body", "INSET day moved")));
        Map<String, Object> draft = call("leader.trust", "/api/v1/announcements", post);
        call("leader.trust", "/api/v1/announcements/" + draft.get("id") + "/submit", null);

        List<Map<String, Object>> items = items("leader.trust", "/api/v1/audit?kind=announcement-published&actor=stf-00001&limit=200");
        assertThat(items).filteredOn(item -> ("announcement:" + draft.get("id")).equals(item.get("subject")))
            .singleElement()
            .satisfies(item -> {
                assertThat(item.get("actorId")).isEqualTo("stf-00001");
                assertThat(item.get("actor")).isEqualTo("person");
                assertThat(item.get("chain")).isEqualTo("trust");
            });
    }

    @Test
    void actsOfOneSchoolPageNewestFirstAndExportAsCsv() {
        String school = "read-" + UUID.randomUUID();
        for (int n = 1; n <= 3; n++) {
            record(school, n, "stf-00002");
        }
        Map<String, Object> first = page("privacy.trust", "/api/v1/audit?school=" + school + "&limit=2");
        assertThat(subjects(first)).containsExactly("survey:3", "survey:2");
        Map<String, Object> second = page("privacy.trust", "/api/v1/audit?school=" + school + "&limit=2&cursor=" + first.get("next"));
        assertThat(subjects(second)).containsExactly("survey:1");
        assertThat(second.get("next")).isNull();

        String csv = web.get().uri("/api/v1/audit/export.csv?school=" + school).header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv).startsWith("at,kind,school,actor,actorId,subject,reason,chain,seq,hash\r\n")
            .contains(",survey-closed," + school + ",person,stf-00002,survey:2,");

        assertThat(subjects(page("leader.trust", "/api/v1/audit?kind=audit-exported&actor=stf-00005&limit=200")))
            .contains("audit");
    }

    @Test
    void aForgottenPersonsActsStayInAnUnbrokenChainWithoutTheirName() {
        String school = "forget-" + UUID.randomUUID();
        String carer = "car-" + UUID.randomUUID();
        record(school, 1, carer);
        record(school, 2, "stf-00002");

        assertThat(trail.forget(carer).block(Duration.ofSeconds(10))).isTrue();

        List<Map<String, Object>> items = items("privacy.trust", "/api/v1/audit?school=" + school);
        assertThat(items).extracting(item -> item.get("actor")).containsExactly("person", "forgotten");
        assertThat(items.get(1).get("actorId")).isNull();
        assertThat(items("privacy.trust", "/api/v1/audit?actor=" + carer)).isEmpty();
        web.get().uri("/api/v1/audit/verification").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void carersAndHeadsCannotReadTheAudit() {
        for (String who : List.of("carer.demo", "head.oakfield")) {
            web.get().uri("/api/v1/audit").header("Authorization", Tokens.bearer(who)).exchange()
                .expectStatus().isForbidden();
            web.get().uri("/api/v1/audit/export.csv").header("Authorization", Tokens.bearer(who)).exchange()
                .expectStatus().isForbidden();
        }
    }

    @Test
    void aMalformedFilterIsAProblemNamingTheField() {
        web.get().uri("/api/v1/audit?from=yesterday").header("Authorization", Tokens.bearer("leader.trust")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("from");
        web.get().uri("/api/v1/audit?cursor=nonsense").header("Authorization", Tokens.bearer("leader.trust")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("cursor");
        web.get().uri("/api/v1/audit?limit=0").header("Authorization", Tokens.bearer("leader.trust")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("limit");
    }

    private void record(String school, int n, String actor) {
        events.publish(new ActRecorded(school + ":" + n, "survey-closed", school, actor, "survey:" + n, null, null))
            .block(Duration.ofSeconds(10));
    }

    private Map<String, Object> call(String who, String path, Object body) {
        var request = web.post().uri(path).header("Authorization", Tokens.bearer(who));
        var spec = body == null ? request.exchange() : request.bodyValue(body).exchange();
        return spec.expectStatus().is2xxSuccessful().expectBody(JSON).returnResult().getResponseBody();
    }

    private Map<String, Object> page(String who, String path) {
        return web.get().uri(path).header("Authorization", Tokens.bearer(who)).exchange()
            .expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String who, String path) {
        return (List<Map<String, Object>>) page(who, path).get("items");
    }

    private List<Object> subjects(Map<String, Object> page) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        return items.stream().map(item -> item.get("subject")).toList();
    }
}
