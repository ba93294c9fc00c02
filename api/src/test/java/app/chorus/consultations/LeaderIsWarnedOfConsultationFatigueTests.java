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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A head opening one more consultation for the same families over the same weeks is warned (not refused) once
 * carers would have more than three asks open at once, and leaders see those asks week by week in the calendar.
 */
@ApiTest
// a context of its own: other tests' open-ended consultations for Oakfield's carers would count as asks already open
@TestPropertySource(properties = "chorus.consultations.fatigue.open-asks-per-person=3")
class LeaderIsWarnedOfConsultationFatigueTests {

    @Autowired
    WebTestClient web;

    /** A Monday years ahead, different for each run, so other tests' consultations do not overlap. */
    private final Instant monday = LocalDate.of(2031, 1, 6).plusWeeks(System.nanoTime() % 500).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void theFourthConsultationForOakfieldCarersInTheSameWeeksComesWithAWarningAndIsStillCreated() {
        Map<?, ?> first = create("Oakfield uniform");
        assertThat(fatigue(first).get("overlapping")).as("nothing else asked of them then").isEqualTo(List.of());
        assertThat(fatigue(first).get("warning")).isNull();
        create("Oakfield clubs");
        Map<?, ?> third = create("Oakfield trips");
        assertThat(((Number) fatigue(third).get("withOpenAsks")).longValue()).isEqualTo(((Number) fatigue(third).get("people")).longValue());
        assertThat(fatigue(third).get("warning")).as("three open at once is within the limit").isNull();

        Map<?, ?> fourth = create("Oakfield lunches");

        assertThat(fourth.get("id")).as("created all the same").isNotNull();
        assertThat(fatigue(fourth).get("overlapping")).asList().hasSize(3);
        assertThat(((Number) fatigue(fourth).get("aboveLimit")).longValue()).isPositive();
        assertThat(fatigue(fourth).get("warning").toString()).contains("more than 3");
    }

    @Test
    void theTrustLeaderSeesOakfieldsConsultationsInTheWeeksTheyAreOpen() {
        String id = create("Oakfield playground").get("id").toString();

        Map<?, ?> calendar = calendar("leader.trust", "&schoolId=sch-001").expectStatus().isOk()
            .expectBody(Map.class).returnResult().getResponseBody();

        List<?> weeks = (List<?>) calendar.get("weeks");
        assertThat(weeks).hasSize(3);
        assertThat(ids(weeks.get(0))).as("open in its first week").contains(id);
        assertThat(ids(weeks.get(1))).as("and its second").contains(id);
        assertThat(ids(weeks.get(2))).as("closed by the third").doesNotContain(id);
    }

    @Test
    void theCalendarIsForLeadersOfTheSchoolAsked() {
        calendar("carer.demo", "").expectStatus().isForbidden();
        calendar("head.riverside", "&schoolId=sch-001").expectStatus().isNotFound();
        web.get().uri("/api/v1/consultations/calendar?weeks=0").header("Authorization", Tokens.bearer("leader.trust")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("weeks");
        web.get().uri("/api/v1/consultations/calendar?from=next-week").header("Authorization", Tokens.bearer("leader.trust")).exchange()
            .expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("from");
    }

    private Map<?, ?> create(String title) {
        Map<String, Object> draft = draft(title, "sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"),
            "IDEAS", monday.plus(1, ChronoUnit.DAYS), "OUTCOME", monday.plus(10, ChronoUnit.DAYS));
        return web.post().uri("/api/v1/consultations").header("Authorization", Tokens.bearer("head.oakfield")).bodyValue(draft)
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec calendar(String who, String more) {
        return web.get().uri("/api/v1/consultations/calendar?weeks=3&from=" + LocalDate.ofInstant(monday, ZoneOffset.UTC) + more)
            .header("Authorization", Tokens.bearer(who)).exchange();
    }

    private static Map<?, ?> fatigue(Map<?, ?> view) {
        return (Map<?, ?>) view.get("fatigue");
    }

    private static List<Object> ids(Object week) {
        return ((List<?>) ((Map<?, ?>) week).get("asks")).stream().map(ask -> (Object) ((Map<?, ?>) ask).get("id")).toList();
    }
}
