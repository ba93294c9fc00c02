package app.chorus.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** {@code ./chorus audit verify}, run against the store the way an operator runs it. */
@ApiTest
class AuditVerifyCommandReportsTheFirstBrokenLinkTests {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    MongoConnectionDetails connection;

    @Autowired
    AuditRecorder recorder;

    @Autowired
    ExpiredAuditEntries expired;

    @Test
    void anOperatorSeesWhichLinkOfWhichChainWasChanged() {
        String school = "cli-" + UUID.randomUUID();
        for (int n = 1; n <= 3; n++) {
            recorder.record(new Act(school + ":" + n, "announcement-retracted", school, null, "announcement:" + n,
                "Wrong date", null)).block(Duration.ofSeconds(10));
        }
        Query second = Query.query(Criteria.where("key").is(school + ":2"));
        mongo.updateFirst(second, Update.update("kind", "announcement-published"), AuditEntry.COLLECTION).block();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = AuditVerifyCommand.run(connection.getConnectionString().getConnectionString(),
                mongo.getMongoDatabase().block().getName(), new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("school:" + school
                + ": BROKEN at link 2 (school:" + school + "/000000000002): its content was changed after it was written");
        } finally {
            mongo.updateFirst(second, Update.update("kind", "announcement-retracted"), AuditEntry.COLLECTION).block();
        }
    }

    @Test
    void aChainPurgedUnderASignedCheckpointStillVerifiesFromIt() {
        String school = "cli-purged-" + UUID.randomUUID();
        for (int n = 1; n <= 4; n++) {
            recorder.record(new Act(school + ":" + n, "roster-imported", school, null, "roster", null,
                n < 4 ? Instant.parse("2012-03-0" + n + "T10:00:00Z") : null)).block(Duration.ofSeconds(10));
        }
        expired.purge(Instant.parse("2013-01-01T00:00:00Z"), "cli-" + school).blockLast(Duration.ofSeconds(30));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditVerifyCommand.run(connection.getConnectionString().getConnectionString(),
            mongo.getMongoDatabase().block().getName(), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
            .contains("school:" + school + ": intact, 1 link(s) after the signed checkpoint at link 3");
    }

    @Test
    void noStoreIsSaidPlainly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = AuditVerifyCommand.run("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500", "chorus",
            new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Start the portal (./chorus up) or set MONGODB_URI");
    }
}
