package app.chorus.consultations;

import static app.chorus.consultations.ConsultationFixtures.audience;
import static app.chorus.consultations.ConsultationFixtures.draft;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sarah Bennett (carer.demo, Oliver at Oakfield and a child at Riverside) sees every ask reaching her in her own calendar;
 * Oakfield's teacher looks her up and sees them counted, named only where they are Oakfield's or the trust's.
 */
@ApiTest
class CarerAndTeacherSeeACarersAsksInTheCalendarTests {

    static final String SARAH = "car-000001";

    @Autowired
    WebTestClient web;

    /** A Monday years ahead, different for each run, so other tests' asks do not overlap. */
    private final Instant monday = LocalDate.of(2035, 1, 1).plusWeeks(System.nanoTime() % 500).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void sarahSeesTheAsksOfBothHerChildrensSchoolsNamedAndTheTrustsLimit() {
        int before = open(calendar("carer.demo", SARAH));
        String oakfield = consultation("head.oakfield", "sch-001", "Oakfield lunches");
        String riverside = consultation("head.riverside", "sch-002", "Riverside lunches");

        Map<?, ?> own = calendar("carer.demo", SARAH);

        assertThat(own.get("limit")).as("the trust's most open asks per person").isEqualTo(3);
        Map<?, ?> week = (Map<?, ?>) ((List<?>) own.get("weeks")).get(0);
        assertThat(week.get("open")).isEqualTo(before + 2);
        assertThat(ids(week)).contains(oakfield, riverside);
    }

    @Test
    void oakfieldsTeacherCountsSarahsAsksAndSeesOnlyOakfieldsNamed() {
        int before = open(calendar("teacher.oakfield", SARAH));
        String oakfield = consultation("head.oakfield", "sch-001", "Oakfield coats");
        String riverside = consultation("head.riverside", "sch-002", "Riverside coats");

        Map<?, ?> week = (Map<?, ?>) ((List<?>) calendar("teacher.oakfield", SARAH).get("weeks")).get(0);

        assertThat(ids(week)).contains(oakfield).doesNotContain(riverside);
        assertThat(week.get("open")).as("Riverside's is counted all the same").isEqualTo(before + 2);
    }

    @Test
    void aCarerCannotLookUpAnotherCarerAndATeacherCannotLookUpACarerOfAnotherSchool() {
        request("carer.demo", "car-000002").expectStatus().isForbidden()
            .expectBody().jsonPath("$.field").isEqualTo("carerId");
        request("teacher.oakfield", "car-999999").expectStatus().isNotFound();
    }

    private String consultation(String leader, String schoolId, String title) {
        Map<String, Object> draft = draft(title, schoolId, audience("SCHOOLS", List.of(schoolId), "CARERS"),
            "IDEAS", monday.plus(1, ChronoUnit.DAYS), "OUTCOME", monday.plus(5, ChronoUnit.DAYS));
        return new ConsultationFixtures(web).create(leader, draft);
    }

    private Map<?, ?> calendar(String who, String carerId) {
        return request(who, carerId).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private int open(Map<?, ?> calendar) {
        return (Integer) ((Map<?, ?>) ((List<?>) calendar.get("weeks")).get(0)).get("open");
    }

    private WebTestClient.ResponseSpec request(String who, String carerId) {
        return web.get().uri("/api/v1/consultations/calendar?weeks=2&from=" + LocalDate.ofInstant(monday, ZoneOffset.UTC) + "&carerId=" + carerId)
            .header("Authorization", Tokens.bearer(who)).exchange();
    }

    private static List<Object> ids(Map<?, ?> week) {
        return ((List<?>) week.get("asks")).stream().map(ask -> (Object) ((Map<?, ?>) ask).get("id")).toList();
    }
}
