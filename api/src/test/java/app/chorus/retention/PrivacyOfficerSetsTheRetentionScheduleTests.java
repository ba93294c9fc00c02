package app.chorus.retention;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The privacy officer reads and sets how long each kind of data is kept; bad periods change nothing. */
@ApiTest
class PrivacyOfficerSetsTheRetentionScheduleTests {

    private static final String SCHEDULE = "/api/v1/retention/schedule";

    @Autowired
    WebTestClient web;

    @AfterEach
    void backToTheDefaults() {
        put("privacy.trust", "{\"surveyResponses\":\"P1Y\",\"devices\":\"P270D\"}").expectStatus().isOk();
    }

    @Test
    void theDefaultsFollowTheGuidanceAndSayWhatIsEnforced() {
        get("leader.trust").expectStatus().isOk().expectBody()
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].period").isEqualTo("P1Y")
            .jsonPath("$.kinds[?(@.kind == 'auditEntries')].period").isEqualTo("P6Y")
            .jsonPath("$.kinds[?(@.kind == 'devices')].period").isEqualTo("P270D")
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].enforced").isEqualTo(true)
            .jsonPath("$.kinds[?(@.kind == 'auditEntries')].enforced").isEqualTo(true);
    }

    @Test
    void aNewPeriodIsKeptAndRecordedInTheAudit() {
        put("privacy.trust", "{\"surveyResponses\":\"P2Y\",\"devices\":\"P180D\"}").expectStatus().isOk().expectBody()
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].period").isEqualTo("P2Y")
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].byDefault").isEqualTo("P1Y")
            .jsonPath("$.updatedAt").exists();
        get("privacy.trust").expectStatus().isOk().expectBody()
            .jsonPath("$.kinds[?(@.kind == 'devices')].period").isEqualTo("P180D")
            .jsonPath("$.kinds[?(@.kind == 'auditEntries')].period").isEqualTo("P6Y");
        web.get().uri("/api/v1/audit?kind=retention-schedule-changed&limit=5")
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.items[0].reason").isEqualTo("surveyResponses P1Y -> P2Y, devices P270D -> P180D");
    }

    @Test
    void aMalformedPeriodIsAProblemNamingTheFieldAndNothingIsWritten() {
        put("privacy.trust", "{\"surveyResponses\":\"P2Y\",\"devices\":\"two years\"}").expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON).expectBody()
            .jsonPath("$.field").isEqualTo("devices")
            .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                .contains("ISO-8601 period"));
        get("privacy.trust").expectStatus().isOk().expectBody()
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].period").isEqualTo("P1Y");
    }

    @Test
    void tooShortNegativeOrUnknownIsRefused() {
        put("privacy.trust", "{\"auditEntries\":\"P3M\"}").expectStatus().isBadRequest().expectBody()
            .jsonPath("$.field").isEqualTo("auditEntries")
            .jsonPath("$.detail").value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                .contains("at least P1Y"));
        put("privacy.trust", "{\"devices\":\"-P1Y\"}").expectStatus().isBadRequest().expectBody()
            .jsonPath("$.field").isEqualTo("devices");
        put("privacy.trust", "{\"photos\":\"P1Y\"}").expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        put("privacy.trust", "{\"devices\":7}").expectStatus().isBadRequest();
        put("privacy.trust", "[").expectStatus().isBadRequest();
    }

    @Test
    void theTrustAdminSetsItToo() {
        put("leader.trust", "{\"surveyResponses\":\"P18M\"}").expectStatus().isOk().expectBody()
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].period").isEqualTo("P18M");
    }

    @Test
    void onlyThePrivacyOfficerOrTheTrustAdminSetsIt() {
        put("head.oakfield", "{\"surveyResponses\":\"P2Y\"}").expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get("head.oakfield").expectStatus().isForbidden();
        put("carer.demo", "{\"surveyResponses\":\"P2Y\"}").expectStatus().isForbidden();
        get("carer.demo").expectStatus().isForbidden();
        web.get().uri(SCHEDULE).exchange().expectStatus().isUnauthorized();
        get("privacy.trust").expectStatus().isOk().expectBody()
            .jsonPath("$.kinds[?(@.kind == 'surveyResponses')].period").isEqualTo("P1Y");
    }

    private WebTestClient.ResponseSpec get(String who) {
        return web.get().uri(SCHEDULE).header("Authorization", Tokens.bearer(who)).exchange();
    }

    private WebTestClient.ResponseSpec put(String who, String body) {
        return web.put().uri(SCHEDULE).header("Authorization", Tokens.bearer(who)).contentType(MediaType.APPLICATION_JSON)
            .bodyValue(body).exchange();
    }
}
