package app.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class PrivacyOfficerFindsATamperedAuditEntryTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DomainEvents events;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anEditedReasonIsReportedAsTheFirstBrokenLinkOfItsSchool() {
        String school = "tamper-" + UUID.randomUUID();
        for (int n = 1; n <= 3; n++) {
            events.publish(new ActRecorded(school + ":" + n, "contribution-removed", school, "stf-00002", "idea:" + n,
                "Unkind to another parent", null)).block(Duration.ofSeconds(10));
        }
        verification().jsonPath("$.intact").isEqualTo(true);

        Query second = Query.query(Criteria.where("key").is(school + ":2"));
        String original = "Unkind to another parent";
        mongo.updateFirst(second, Update.update("reason", "Off topic"), "audit_entries").block();
        try {
            verification()
                .jsonPath("$.intact").isEqualTo(false)
                .jsonPath("$.firstBroken.chain").isEqualTo("school:" + school)
                .jsonPath("$.firstBroken.brokenAt").isEqualTo(2)
                .jsonPath("$.firstBroken.problem").isEqualTo("its content was changed after it was written");
        } finally {
            mongo.updateFirst(second, Update.update("reason", original), "audit_entries").block();
        }
        verification().jsonPath("$.intact").isEqualTo(true);
    }

    @Test
    void aDeletedLinkIsReportedAsMissing() {
        String school = "deleted-" + UUID.randomUUID();
        for (int n = 1; n <= 3; n++) {
            events.publish(new ActRecorded(school + ":" + n, "roster-imported", school, null, "roster", null, null))
                .block(Duration.ofSeconds(10));
        }
        var removed = mongo.findAndRemove(Query.query(Criteria.where("key").is(school + ":2")), org.bson.Document.class,
            "audit_entries").block();
        try {
            verification()
                .jsonPath("$.firstBroken.chain").isEqualTo("school:" + school)
                .jsonPath("$.firstBroken.brokenAt").isEqualTo(2)
                .jsonPath("$.firstBroken.problem").isEqualTo("link 2 is missing");
        } finally {
            mongo.insert(removed, "audit_entries").block();
        }
    }

    @Test
    void onlyThePrivacyOfficerVerifies() {
        web.get().uri("/api/v1/audit/verification").header("Authorization", Tokens.bearer("leader.trust"))
            .exchange().expectStatus().isForbidden()
            .expectHeader().contentTypeCompatibleWith("application/problem+json");
    }

    private WebTestClient.BodyContentSpec verification() {
        return web.get().uri("/api/v1/audit/verification").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody();
    }
}
