package app.chorus.announcements;

import static app.chorus.announcements.AnnouncementSteps.audience;
import static app.chorus.announcements.AnnouncementSteps.post;
import static app.chorus.announcements.AnnouncementSteps.with;
import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class CarerAcknowledgesOnceTests {

    @Autowired
    WebTestClient web;
    @Autowired
    AnnouncementReceipts receipts;
    @Autowired
    org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

    @Test
    void anAcknowledgementSentThreeTimesIsRecordedOnceAndTheCarerLeavesTheFollowUpList() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> post = with(with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Head lice",
            "Please check tonight."), "priority", "IMPORTANT"), "requiresAcknowledgement", true);
        String id = (String) steps.publish("head.oakfield", post).get("id");
        long awaitingBefore = ((Number) steps.feed("carer.demo").get("awaitingAcknowledgement")).longValue();
        List<String> followUpBefore = unacknowledged(steps, id);
        assertThat(followUpBefore).contains("car-000001");

        String first = acknowledge(id, "ack-1");
        String second = acknowledge(id, "ack-1");
        String third = acknowledge(id, "ack-2");

        assertThat(first).isNotNull().isEqualTo(second).isEqualTo(third);
        Map<String, Object> reach = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/reach", null);
        assertThat(((Map<String, Object>) reach.get("acknowledged")).get("total")).isEqualTo(1);
        assertThat(((Map<String, Object>) reach.get("opened")).get("total")).isEqualTo(1);
        assertThat(((Map<String, Object>) ((Map<String, Object>) reach.get("acknowledged")).get("bySchool")))
            .containsEntry("sch-001", 1);
        assertThat(((Number) steps.feed("carer.demo").get("awaitingAcknowledgement")).longValue()).isEqualTo(awaitingBefore - 1);
        List<String> followUpAfter = unacknowledged(steps, id);
        assertThat(followUpAfter).doesNotContain("car-000001").hasSize(followUpBefore.size() - 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeaderFollowingUpSeesEachCarerByNameWithTheChildrenThePostConcernsAndTheirClasses() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> post = with(with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Photo day",
            "Photos on Monday."), "priority", "IMPORTANT"), "requiresAcknowledgement", true);
        String id = (String) steps.publish("head.oakfield", post).get("id");
        Map<String, Object> me = steps.ok(HttpMethod.GET, "carer.demo", "/api/v1/me", null);
        List<Map<String, Object>> oakfieldChildren = ((List<Map<String, Object>>) me.get("children")).stream()
            .filter(child -> "sch-001".equals(child.get("schoolId"))).toList();

        Map<String, Object> page = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/unacknowledged?limit=500", null);
        Map<String, Object> carer = ((List<Map<String, Object>>) page.get("items")).stream()
            .filter(item -> "car-000001".equals(item.get("personId"))).findFirst().orElseThrow();

        assertThat(carer.get("name")).isEqualTo(me.get("name"));
        List<Map<String, Object>> children = (List<Map<String, Object>>) carer.get("children");
        assertThat(children).extracting(child -> child.get("pupilId"))
            .as("only the children at the school the post is for")
            .containsExactlyInAnyOrderElementsOf(oakfieldChildren.stream().map(child -> child.get("pupilId")).toList());
        assertThat(children).allSatisfy(child -> {
            assertThat((String) child.get("name")).isNotBlank();
            assertThat((List<String>) child.get("classes")).isNotEmpty().noneMatch(title -> title.startsWith("cls-"));
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void aLeaderPagesThroughTheCarersStillToAcknowledgeWithoutGapsOrRepeats() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        Map<String, Object> post = with(with(post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Trip forms",
            "Please sign the trip form."), "priority", "IMPORTANT"), "requiresAcknowledgement", true);
        String id = (String) steps.publish("head.oakfield", post).get("id");
        List<String> all = unacknowledged(steps, id);
        assertThat(all).hasSizeGreaterThan(6);

        List<String> paged = new java.util.ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id
                + "/unacknowledged?limit=3" + (cursor == null ? "" : "&cursor=" + cursor), null);
            ((List<Map<String, Object>>) page.get("items")).forEach(member -> paged.add((String) member.get("personId")));
            cursor = (String) page.get("next");
        } while (cursor != null);

        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void deliveriesReportedTwiceByNotificationsCountOnce() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Parents' evening", "Book a slot.")).get("id");

        receipts.recordDelivered(id, "car-000001", "push", java.time.Instant.now()).block();
        receipts.recordDelivered(id, "car-000001", "push", java.time.Instant.now()).block();
        receipts.recordDelivered(id, "car-000001", "email", java.time.Instant.now()).block();

        Map<String, Object> reach = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/reach", null);
        assertThat(((Map<String, Object>) reach.get("delivered")).get("total")).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFanOutReportingWholeBatchesTwiceAtOnceCountsEachCarerOnceAndKeepsEveryChannel() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Trip", "Coats and wellies.")).get("id");
        java.time.Instant now = java.time.Instant.now();
        receipts.recordDelivered(id, "car-000002", "email", now).block();
        receipts.recordOpened(id, "car-000005", now).block();

        List<String> batch = List.of("car-000001", "car-000002", "car-000003", "car-000005", "car-000001");
        reactor.core.publisher.Mono.when(receipts.recordDelivered(id, batch, "push", now),
            receipts.recordDelivered(id, batch, "push", now), receipts.recordDelivered(id + "@sch-001", batch, "push", now)).block();
        receipts.recordDelivered(id, List.of("car-000003", "car-000004"), "email", now).block();

        Map<String, Object> reach = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/reach", null);
        Map<String, Object> delivered = (Map<String, Object>) reach.get("delivered");
        assertThat(delivered.get("total")).as("carers 1 to 5, each once").isEqualTo(5);
        assertThat((Map<String, Object>) delivered.get("byRole")).containsEntry("carers", 5);
        assertThat(((Map<String, Object>) reach.get("opened")).get("total")).isEqualTo(1);
        assertThat(channels(id, "car-000002")).containsExactlyInAnyOrder("email", "push");
        assertThat(channels(id, "car-000003")).containsExactlyInAnyOrder("push", "email");
        assertThat(channels(id, "car-000004")).containsExactly("email");
        assertThat(channels(id, "car-000005")).containsExactly("push");
    }

    private List<String> channels(String id, String personId) {
        return mongo.findById(id + "|" + personId, org.bson.Document.class, "announcement_receipts").block()
            .getList("channels", String.class);
    }

    @Test
    void theHeadWatchesReachLiveAsServerSentEvents() {
        AnnouncementSteps steps = new AnnouncementSteps(web);
        String id = (String) steps.publish("head.oakfield",
            post("sch-001", audience("SCHOOLS", List.of("sch-001"), "CARERS"), "Sports day", "Wear house colours.")).get("id");
        steps.ok(HttpMethod.POST, "carer.demo", "/api/v1/feed/" + id + "/open", null);

        List<Map<String, Object>> events = web.get().uri("/api/v1/announcements/" + id + "/reach/stream")
            .header("Authorization", Tokens.bearer("head.oakfield")).accept(org.springframework.http.MediaType.TEXT_EVENT_STREAM)
            .exchange().expectStatus().isOk()
            .returnResult(AnnouncementSteps.JSON).getResponseBody().take(1).collectList().block(java.time.Duration.ofSeconds(20));

        assertThat(events).singleElement().satisfies(snapshot -> {
            assertThat(((Number) snapshot.get("audience")).longValue()).isPositive();
            assertThat(((Map<String, Object>) snapshot.get("opened")).get("total")).isEqualTo(1);
        });
    }

    private String acknowledge(String id, String key) {
        return (String) web.post().uri("/api/v1/feed/" + id + "/acknowledge")
            .header("Authorization", Tokens.bearer("carer.demo")).header("Idempotency-Key", key)
            .exchange().expectStatus().isOk().expectBody(AnnouncementSteps.JSON).returnResult().getResponseBody()
            .get("acknowledgedAt");
    }

    @SuppressWarnings("unchecked")
    private static List<String> unacknowledged(AnnouncementSteps steps, String id) {
        Map<String, Object> page = steps.ok(HttpMethod.GET, "head.oakfield", "/api/v1/announcements/" + id + "/unacknowledged?limit=500", null);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(member -> (String) member.get("personId")).toList();
    }
}
