package app.chorus.consent;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A trust leader sets the trust's minimum age to 4 (every year group reaches it); Oakfield's head raises Oakfield's to
 * 18 (and cannot lower it below the trust's, nor touch another school's): Oliver, in Oakfield, now needs his parent's
 * consent to take part, his parent sees him on the consent list, and the audit records both changes.
 */
@ApiTest
class SchoolLeaderRaisesTheMinimumAgeAboveTheTrustsTests {

    private static final String OAKFIELD = "sch-001";
    private static final String OLIVER = "pup-000001";

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    /** Other tests of the shared context (the authorization matrix, damaged input) set ages with their example bodies. */
    @BeforeEach
    void fromTheConfiguredAge() {
        mongo.remove(new Query(), "consent_minimum_ages").block();
    }

    @AfterEach
    void backToTheConfiguredAge() {
        mongo.remove(new Query(), "consent_minimum_ages").block();
        web.delete().uri("/api/v1/children/{pupilId}/participation-consent", OLIVER)
            .header("Authorization", Tokens.bearer("carer.demo")).exchange().expectStatus().isOk();
    }

    @Test
    void oakfieldsHeadRaisesItsAgeAndOliverThenNeedsHisParentsConsent() {
        put("/api/v1/children/minimum-age", "leader.trust", "{\"minimumAge\": 4}").expectStatus().isOk()
            .expectBody().jsonPath("$.minimumAge").isEqualTo(4);
        assertThat(mayTakePart()).as("Oliver under the trust's 4").isTrue();

        put("/api/v1/schools/{school}/minimum-age", "head.oakfield", "{\"minimumAge\": 18}", OAKFIELD).expectStatus().isOk()
            .expectBody().jsonPath("$.trustMinimumAge").isEqualTo(4).jsonPath("$.schoolMinimumAge").isEqualTo(18)
            .jsonPath("$.minimumAge").isEqualTo(18);

        assertThat(mayTakePart()).as("Oliver under Oakfield's 18, without consent").isFalse();
        web.get().uri("/api/v1/children/participation-consents").header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$[?(@.pupilId == '" + OLIVER + "')].minimumAge").isEqualTo(List.of(18))
            .jsonPath("$[?(@.pupilId == '" + OLIVER + "')].given").isEqualTo(List.of(false));
        web.put().uri("/api/v1/children/{pupilId}/participation-consent", OLIVER)
            .header("Authorization", Tokens.bearer("carer.demo")).exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.minimumAge").isEqualTo(18);
        assertThat(mayTakePart()).as("Oliver with his parent's consent").isTrue();
        assertThat(audit()).as("both changes, audited")
            .anySatisfy(entry -> assertThat(entry).containsEntry("reason", "trust's minimum age 0 -> 4"))
            .anySatisfy(entry -> assertThat(entry).containsEntry("reason", "school's minimum age none -> 18")
                .containsEntry("schoolId", OAKFIELD));
    }

    @Test
    void aSchoolCannotGoBelowTheTrustNorSetAnotherSchoolsAndNothingIsWritten() {
        put("/api/v1/children/minimum-age", "leader.trust", "{\"minimumAge\": 11}").expectStatus().isOk();

        put("/api/v1/schools/{school}/minimum-age", "head.oakfield", "{\"minimumAge\": 9}", OAKFIELD).expectStatus().isBadRequest()
            .expectHeader().contentTypeCompatibleWith("application/problem+json")
            .expectBody().jsonPath("$.field").isEqualTo("minimumAge")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("at least the trust's minimum age, 11"));
        put("/api/v1/schools/{school}/minimum-age", "head.oakfield", "{\"minimumAge\": 19}", OAKFIELD).expectStatus().isBadRequest();
        put("/api/v1/schools/{school}/minimum-age", "head.oakfield", "{\"minimumAge\": \"twelve\"}", OAKFIELD).expectStatus().isBadRequest();
        put("/api/v1/schools/{school}/minimum-age", "head.oakfield", "{\"minimumAge\": 12}", "sch-003").expectStatus().isNotFound();
        put("/api/v1/schools/{school}/minimum-age", "teacher.oakfield", "{\"minimumAge\": 12}", OAKFIELD).expectStatus().isForbidden();
        put("/api/v1/children/minimum-age", "head.oakfield", "{\"minimumAge\": 12}").expectStatus().isForbidden();

        web.get().uri("/api/v1/schools/{school}/minimum-age", OAKFIELD).header("Authorization", Tokens.bearer("carer.demo"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.minimumAge").isEqualTo(11).jsonPath("$.schoolMinimumAge").doesNotExist();
    }

    private WebTestClient.ResponseSpec put(String uri, String who, String body, Object... variables) {
        return web.put().uri(uri, variables).header("Authorization", Tokens.bearer(who))
            .header("Content-Type", "application/json").bodyValue(body).exchange();
    }

    /** Whether Oliver may take part, as the consultations and opinion maps ask. */
    private boolean mayTakePart() {
        return Boolean.TRUE.equals(participation.mayTakePart(OLIVER).block());
    }

    @Autowired
    PupilParticipation participation;

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit() {
        Map<String, Object> page = web.get().uri("/api/v1/audit?kind=minimum-age-changed&limit=200")
            .header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }
}
