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
 * The calendar counts votes held on their own (not inside a consultation) among the asks, and shows one carer's asks
 * across all their children: Sarah Bennett (carer.demo) has Oliver at Oakfield and a child at Riverside.
 */
@ApiTest
class LeaderSeesDecisionsAndEachCarersAsksInTheCalendarTests {

    static final String SARAH = "car-000001";

    @Autowired
    WebTestClient web;

    /** A Monday years ahead, different for each run, so other tests' asks do not overlap. */
    private final Instant monday = LocalDate.of(2033, 1, 3).plusWeeks(System.nanoTime() % 500).atStartOfDay(ZoneOffset.UTC).toInstant();

    @Test
    void aVoteOnItsOwnIsAnAskInTheWeeksItIsOpen() {
        String vote = decision("head.oakfield", "sch-001", "Which uniform supplier?");

        List<?> weeks = weeks("leader.trust", "&schoolId=sch-001");

        assertThat(asks(weeks.get(0))).filteredOn("id", vote).singleElement()
            .satisfies(ask -> assertThat(ask).containsEntry("kind", "decision").containsEntry("title", "Which uniform supplier?"));
        assertThat(asks(weeks.get(1))).as("closed by the second week").extracting(ask -> ask.get("id")).doesNotContain(vote);
    }

    @Test
    void aCarersWeekCountsTheAsksOfAllTheirChildrensSchoolsAndListsThoseTheLeaderLeads() {
        // other tests leave asks with no end open for Sarah: count what these add
        int before = (Integer) week(weeks("leader.trust", "&carerId=" + SARAH), 0).get("open");
        String oakfield = consultation("head.oakfield", "sch-001", "Oakfield clubs");
        String riverside = consultation("head.riverside", "sch-002", "Riverside clubs");
        String vote = decision("head.riverside", "sch-002", "Which day for sports day?");
        String elsewhere = consultation("leader.trust", "sch-003", "Third school clubs");

        Map<?, ?> trustView = week(weeks("leader.trust", "&carerId=" + SARAH), 0);
        assertThat(trustView.get("open")).isEqualTo(before + 3);
        assertThat(asks(trustView)).extracting(ask -> ask.get("id")).contains(oakfield, riverside, vote).doesNotContain(elsewhere);

        Map<?, ?> headsView = week(weeks("head.oakfield", "&carerId=" + SARAH), 0);
        assertThat(headsView.get("open")).as("every ask reaching Sarah is counted").isEqualTo(before + 3);
        assertThat(asks(headsView)).as("only Oakfield's and the trust's are named to Oakfield's head").extracting(ask -> ask.get("id"))
            .contains(oakfield).doesNotContain(riverside, vote, elsewhere);
        assertThat(asks(headsView)).allSatisfy(ask -> assertThat(ask.get("schoolIds").toString()).doesNotContain("sch-002"));
    }

    @Test
    void aCarerOfNoSchoolTheLeaderLeadsIsNotFoundAndSchoolAndCarerTogetherAreRefused() {
        calendar("head.oakfield", "&carerId=car-999999").expectStatus().isNotFound();
        calendar("head.oakfield", "&carerId=" + SARAH + "&schoolId=sch-001").expectStatus().isBadRequest()
            .expectBody().jsonPath("$.field").isEqualTo("carerId");
    }

    private String consultation(String leader, String schoolId, String title) {
        Map<String, Object> draft = draft(title, schoolId, audience("SCHOOLS", List.of(schoolId), "CARERS"),
            "IDEAS", monday.plus(1, ChronoUnit.DAYS), "OUTCOME", monday.plus(5, ChronoUnit.DAYS));
        return new ConsultationFixtures(web).create(leader, draft);
    }

    private String decision(String leader, String schoolId, String question) {
        Map<String, Object> body = Map.of("question", Map.of("en", question), "method", "APPROVAL",
            "options", List.of(Map.of("id", "a", "label", Map.of("en", "A")), Map.of("id", "b", "label", Map.of("en", "B"))),
            "audience", Map.of("scope", "SCHOOLS", "ids", List.of(schoolId), "roles", List.of("CARERS")),
            "ballotUnit", "PER_CHILD", "anonymity", "ANONYMOUS", "schoolId", schoolId,
            "opensAt", monday.plus(1, ChronoUnit.DAYS).toString(), "closesAt", monday.plus(4, ChronoUnit.DAYS).toString());
        return web.post().uri("/api/v1/decisions").header("Authorization", Tokens.bearer(leader)).bodyValue(body)
            .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private List<?> weeks(String who, String more) {
        return (List<?>) calendar(who, more).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("weeks");
    }

    private WebTestClient.ResponseSpec calendar(String who, String more) {
        return web.get().uri("/api/v1/consultations/calendar?weeks=2&from=" + LocalDate.ofInstant(monday, ZoneOffset.UTC) + more)
            .header("Authorization", Tokens.bearer(who)).exchange();
    }

    private static Map<?, ?> week(List<?> weeks, int index) {
        return (Map<?, ?>) weeks.get(index);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> asks(Object week) {
        return (List<Map<String, Object>>) ((Map<?, ?>) week).get("asks");
    }
}
