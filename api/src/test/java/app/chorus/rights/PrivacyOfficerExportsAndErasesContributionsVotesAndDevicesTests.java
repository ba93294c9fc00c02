package app.chorus.rights;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The privacy officer exports a carer's consultation contributions, opinion statements and votes, devices and
 * announcement receipts; after erasing the carer no stored document leads to them, while the idea's support count and
 * the map's votes stay. Anonymous supports are never in the export.
 */
@ApiTest
class PrivacyOfficerExportsAndErasesContributionsVotesAndDevicesTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final String CARER = "car-000011";

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theExportHoldsWhatNamesTheCarerAndAfterErasureNothingLeadsToThem() {
        String run = UUID.randomUUID().toString();
        String consultation = "con-" + run;
        String idea = "idea-" + run;
        String conversation = "conv-" + run;
        plant(consultation, idea, conversation, run);

        Map<String, List<Map<String, Object>>> sections = export();
        assertThat(sections.get("consultation-contributions")).extracting(item -> item.get("type"))
            .containsExactlyInAnyOrder("idea", "comment", "support");
        assertThat(sections.get("consultation-contributions")).noneMatch(item -> ("anon-" + run).equals(item.get("ideaId")));
        assertThat(sections.get("opinions")).extracting(item -> item.get("type")).containsExactlyInAnyOrder("statement", "vote");
        assertThat(sections.get("devices")).extracting(item -> item.get("type")).contains("device", "preferences");
        assertThat(sections.get("announcement-receipts")).extracting(item -> item.get("announcementId")).contains("ann-" + run);

        web.post().uri("/api/v1/people/{id}/erasure", CARER).header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk();

        for (String collection : List.of("consultation_ideas", "consultation_comments", "consultation_supports",
            "consultation_participants", "opinion_statements", "opinion_votes", "opinion_participants",
            "notification_recipients", "notification_tokens", "announcement_receipts", "announcement_readers")) {
            assertThat(mongo.find(new Query(), Document.class, collection).filter(doc -> doc.toJson().contains(CARER))
                .collectList().block()).as(collection).isEmpty();
        }
        assertThat(mongo.findById(idea, Document.class, "consultation_ideas").block().get("supports")).isEqualTo(3L);
        assertThat(mongo.count(Query.query(Criteria.where("ideaId").is(idea)), "consultation_supports").block()).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("conversationId").is(conversation)), "opinion_votes").block()).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("conversationId").is(conversation)), "opinion_participants").block())
            .isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("_id").is("anon-" + run + "|k")), "consultation_supports").block())
            .isEqualTo(1);
        Map<String, List<Map<String, Object>>> after = export();
        assertThat(after.get("consultation-contributions")).isEmpty();
        assertThat(after.get("opinions")).isEmpty();
        assertThat(after.get("devices")).isEmpty();
        assertThat(after.get("announcement-receipts")).isEmpty();
    }

    private void plant(String consultation, String idea, String conversation, String run) {
        Date now = new Date();
        insert("consultation_ideas", new Document("_id", idea).append("consultationId", consultation).append("title", "Longer lunch")
            .append("body", "Twenty more minutes.").append("authorId", CARER).append("schoolId", "sch-001")
            .append("visibility", "SHOWN").append("supports", 3L).append("createdAt", now));
        insert("consultation_comments", new Document("_id", "cmt-" + run).append("consultationId", consultation)
            .append("ideaId", idea).append("rootId", "cmt-" + run).append("depth", 0).append("stance", "FOR")
            .append("body", "Yes please.").append("authorId", CARER).append("authorLabel", "Carer of a child at Oakfield")
            .append("visibility", "SHOWN").append("createdAt", now));
        insert("consultation_supports", new Document("_id", idea + "|" + CARER).append("ideaId", idea)
            .append("consultationId", consultation).append("voice", CARER).append("personId", CARER).append("at", now));
        insert("consultation_supports", new Document("_id", "anon-" + run + "|k").append("ideaId", "anon-" + run)
            .append("consultationId", "anon-con-" + run).append("voice", "k").append("at", now));
        insert("consultation_participants", new Document("_id", consultation + "|" + CARER).append("consultationId", consultation)
            .append("personId", CARER).append("schoolId", "sch-001").append("role", "CARERS").append("at", now));
        insert("opinion_statements", new Document("_id", "st-" + run).append("conversationId", conversation)
            .append("text", "Homework should be optional").append("authorPersonId", CARER).append("seeded", false)
            .append("visibility", "SHOWN").append("createdAt", now));
        insert("opinion_votes", new Document("_id", conversation + ":" + CARER + ":st-" + run).append("conversationId", conversation)
            .append("participantId", CARER).append("statementId", "st-" + run).append("value", 1).append("at", now.getTime()));
        insert("opinion_participants", new Document("_id", conversation + ":" + CARER).append("conversationId", conversation)
            .append("personId", CARER).append("schoolId", "sch-001").append("role", "carers"));
        mongo.save(new Document("_id", CARER).append("devices", List.of(new Document("installationId",
            "inst-" + run).append("token", "tok-" + run).append("platform", "ANDROID").append("lastSeen", now))),
            "notification_recipients").block();
        insert("announcement_receipts", new Document("_id", "ann-" + run + "|" + CARER).append("announcementId", "ann-" + run)
            .append("personId", CARER).append("deliveredAt", now).append("channels", List.of("push")).append("openedAt", now));
        mongo.save(new Document("_id", CARER).append("items", new Document("ann-" + run,
            new Document("openedAt", now))), "announcement_readers").block();
        insert("notification_tokens", new Document("_id", "tok-" + run).append("personId", CARER)
            .append("installationId", "inst-" + run).append("retired", false));
    }

    private void insert(String collection, Document document) {
        mongo.insert(document, collection).block();
    }

    @SuppressWarnings("unchecked")
    private Map<String, List<Map<String, Object>>> export() {
        Map<String, Object> body = web.get().uri("/api/v1/people/{id}/data", CARER)
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
        return (Map<String, List<Map<String, Object>>>) body.get("sections");
    }
}
