package app.chorus.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.platform.DomainEvents;
import app.chorus.shared.ActRecorded;
import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A purge deletes audit entries older than the schedule keeps them, after a signed checkpoint of the chain: the chain
 * still verifies, and tampering with what is left, or with the checkpoint, is still found.
 */
@ApiTest
class AuditPurgeKeepsTheChainVerifiableTests {

    @Autowired
    WebTestClient web;
    @Autowired
    DomainEvents events;
    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theChainVerifiesFromItsCheckpointAndTamperingIsStillFound() {
        String school = "purged-" + UUID.randomUUID();
        String chain = "school:" + school;
        for (int n = 1; n <= 5; n++) {
            Instant at = n <= 3 ? Instant.parse("2015-09-0" + n + "T09:00:00Z") : null;
            events.publish(new ActRecorded(school + ":" + n, "contribution-removed", school, "stf-00002", "idea:" + n,
                "Off topic", at)).block(Duration.ofSeconds(10));
        }

        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk().expectBody()
            .jsonPath("$.purged.auditEntries").value(n -> assertThat(((Number) n).longValue()).isGreaterThanOrEqualTo(3));

        assertThat(linksOf(chain)).isEqualTo(2);
        Document checkpoint = mongo.findOne(Query.query(Criteria.where("chain").is(chain)), Document.class,
            "audit_checkpoints").block();
        assertThat(checkpoint).isNotNull();
        assertThat(checkpoint.get("headSeq")).isEqualTo(5L);
        assertThat(checkpoint.get("prunedThrough")).isEqualTo(3L);
        verification(chain)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].intact").isEqualTo(true)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].prunedThrough").isEqualTo(3)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].links").isEqualTo(2);

        Query fourth = Query.query(Criteria.where("key").is(school + ":4"));
        mongo.updateFirst(fourth, Update.update("reason", "Rude"), "audit_entries").block();
        verification(chain)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].intact").isEqualTo(false)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].brokenAt").isEqualTo(4);
        mongo.updateFirst(fourth, Update.update("reason", "Off topic"), "audit_entries").block();

        Query ofChain = Query.query(Criteria.where("chain").is(chain));
        mongo.updateFirst(ofChain, Update.update("prunedThrough", 2L), "audit_checkpoints").block();
        verification(chain)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].intact").isEqualTo(false)
            .jsonPath("$.chains[?(@.chain == '" + chain + "')].problem").isEqualTo("its checkpoint's signature does not hold");
        mongo.updateFirst(ofChain, Update.update("prunedThrough", 3L), "audit_checkpoints").block();
        verification(chain).jsonPath("$.chains[?(@.chain == '" + chain + "')].intact").isEqualTo(true);
    }

    @Test
    void withoutItsCheckpointAPurgedChainIsReportedBroken() {
        String school = "uncheckpointed-" + UUID.randomUUID();
        String chain = "school:" + school;
        for (int n = 1; n <= 2; n++) {
            events.publish(new ActRecorded(school + ":" + n, "roster-imported", school, null, "roster", null,
                Instant.parse("2014-01-0" + n + "T09:00:00Z"))).block(Duration.ofSeconds(10));
        }
        events.publish(new ActRecorded(school + ":3", "roster-imported", school, null, "roster", null, null))
            .block(Duration.ofSeconds(10));
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk();
        Document checkpoint = mongo.findAndRemove(Query.query(Criteria.where("chain").is(chain)), Document.class,
            "audit_checkpoints").block();
        try {
            verification(chain)
                .jsonPath("$.chains[?(@.chain == '" + chain + "')].intact").isEqualTo(false)
                .jsonPath("$.chains[?(@.chain == '" + chain + "')].problem").isEqualTo("link 1 is missing");
        } finally {
            mongo.insert(checkpoint, "audit_checkpoints").block();
        }
    }

    private long linksOf(String chain) {
        return mongo.count(Query.query(Criteria.where("chain").is(chain)), "audit_entries").block();
    }

    private WebTestClient.BodyContentSpec verification(String chain) {
        return web.get().uri("/api/v1/audit/verification").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody();
    }
}
