package app.chorus.rights;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.RosterFileSet;
import app.chorus.directory.internal.oneroster.RosterImports;
import app.chorus.notifications.NotificationsTest;
import app.chorus.notifications.TestClock;
import app.chorus.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A school's roster stops listing a family 400 days ago and one pupil a month ago, and switches another pupil's
 * account off: the purge erases the family who left more than the year the schedule keeps leavers (their devices go,
 * the audit records the erasure by the system with the day they left, and nothing is exported for them any more),
 * while the pupil who left a month ago and the pupil whose account is off are kept.
 */
@NotificationsTest
class LeaversAreErasedOnceTheScheduleKeepsThemNoLongerTests {

    private static final String SCHOOL = "sch-161";
    private static final String NAME = "Larch Lane Primary";

    @Autowired
    WebTestClient web;
    @Autowired
    RosterImports imports;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    TestClock.MovableClock clock;

    @AfterEach
    void putTheClockBackAndTheSchoolAway() {
        clock.reset();
        importing(RosterFileSet.schoolRemoval(SCHOOL, NAME).dir);
    }

    @Test
    void theFamilyWhoLeftOverAYearAgoIsErasedAndTheRestAreKept() throws IOException {
        Instant yearAndAMonthAgo = Instant.now().minus(Duration.ofDays(400));
        clock.moveTo(yearAndAMonthAgo);
        importing(RosterFileSet.oneSchool(SCHOOL, NAME, 6).dir);
        importing(RosterFileSet.oneSchool(SCHOOL, NAME, 5).dir);
        clock.moveTo(Instant.now().minus(Duration.ofDays(30)));
        importing(delta());
        clock.reset();
        String carer = "car-" + SCHOOL + "-6";
        mongo.insert(new Document("_id", carer).append("devices", List.of(new Document("installationId", "i-" + carer)
            .append("token", "t-" + carer).append("platform", "ANDROID").append("lastSeen", new java.util.Date()))),
            "notification_recipients").block();
        exportOf(carer).expectStatus().isOk().expectBody().jsonPath("$.person.kind").isEqualTo("carer");

        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk();

        assertThat(leaver(carer)).as("the carer who left 400 days ago").isNull();
        assertThat(leaver("pup-" + SCHOOL + "-6")).as("their child").isNull();
        assertThat(mongo.findById(carer, Document.class, "notification_recipients").block()).as("the carer's phone").isNull();
        exportOf(carer).expectStatus().isNotFound();
        String leftOn = LocalDate.ofInstant(yearAndAMonthAgo, ZoneOffset.UTC).toString();
        web.get().uri("/api/v1/audit?kind=person-erased&limit=200").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.items[?(@.reason == 'a carer who left the roster on " + leftOn
                + ", kept for the rosterLeavers period')].actor").isEqualTo("system");

        Document keptLeaver = leaver("pup-" + SCHOOL + "-1");
        assertThat(keptLeaver).as("the pupil who left a month ago").isNotNull();
        assertThat(keptLeaver.getDate("leftAt").toInstant()).isBefore(Instant.now().minus(Duration.ofDays(29)));
        assertThat(leaver("pup-" + SCHOOL + "-2")).as("the pupil whose account is off has not left").isNull();
        exportOf("pup-" + SCHOOL + "-2").expectStatus().isOk().expectBody().jsonPath("$.person.givenName").isEqualTo("Pupil2");
    }

    @Test
    void thePrivacyOfficerErasesALeaverBeforeTheirTimeIsUp() throws IOException {
        importing(RosterFileSet.oneSchool(SCHOOL, NAME, 6).dir);
        importing(delta());
        String pupil = "pup-" + SCHOOL + "-1";
        assertThat(leaver(pupil)).isNotNull();

        web.post().uri("/api/v1/people/{id}/erasure", pupil).header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk();

        assertThat(leaver(pupil)).isNull();
        exportOf(pupil).expectStatus().isNotFound();
        assertThat(mongo.count(Query.query(Criteria.where("rows").elemMatch(Criteria.where("id").is(pupil))),
            "directory_roster_rows").block()).as("the delta's row naming them").isZero();
    }

    @Test
    void aLeaversErasureStoppedHalfWayIsFinishedByTheNextPurgeAndRecordedOnce() {
        String carer = "car-resumed-" + java.util.UUID.randomUUID();
        Instant left = Instant.now().minus(Duration.ofDays(500));
        Document record = new Document("_id", carer).append("kind", "carer").append("schoolIds", List.of(SCHOOL))
            .append("leftAt", java.util.Date.from(left)).append("erasureId", java.util.UUID.randomUUID().toString());
        mongo.insert(record, "directory_leavers").block();
        purge();
        // the api stopped after every module had erased them but before the directory forgot the leaver
        mongo.insert(record, "directory_leavers").block();
        mongo.insert(new Document("_id", carer).append("devices", List.of()), "notification_recipients").block();

        purge();

        assertThat(leaver(carer)).isNull();
        assertThat(mongo.findById(carer, Document.class, "notification_recipients").block()).isNull();
        String reason = "a carer who left the roster on " + LocalDate.ofInstant(left, ZoneOffset.UTC)
            + ", kept for the rosterLeavers period";
        web.get().uri("/api/v1/audit?kind=person-erased&limit=200").header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody()
            .jsonPath("$.items[?(@.reason == '" + reason + "')]").value(found ->
                assertThat((List<?>) found).hasSize(1));
    }

    private void purge() {
        web.post().uri("/api/v1/retention/purges").header("Authorization", Tokens.bearer("privacy.trust")).exchange()
            .expectStatus().isOk();
    }

    private Document leaver(String personId) {
        return mongo.findById(personId, Document.class, "directory_leavers").block();
    }

    private WebTestClient.ResponseSpec exportOf(String personId) {
        return web.get().uri("/api/v1/people/{id}/data", personId).header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange();
    }

    private void importing(Path dir) {
        imports.importFolder(dir, new RosterImports.Options(false, true), message -> { }).block();
    }

    /** Pupil 1 marked tobedeleted, pupil 2's account switched off. */
    private static Path delta() throws IOException {
        Path dir = Files.createTempDirectory("leavers-delta-");
        Files.writeString(dir.resolve("manifest.csv"), "propertyName,value\r\nmanifest.version,1.0\r\noneroster.version,1.2\r\n"
            + "file.orgs,delta\r\nfile.users,delta\r\nfile.roles,absent\r\nfile.classes,absent\r\nfile.enrollments,absent\r\n");
        Files.writeString(dir.resolve("orgs.csv"), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\r\n"
            + SCHOOL + ",active,,Larch Lane Primary,school,,trust\r\n");
        Files.writeString(dir.resolve("users.csv"), """
            sourcedId,status,dateLastModified,enabledUser,givenName,familyName,agentSourcedIds,grades\r
            pup-sch-161-1,tobedeleted,2026-12-05T18:00:00Z,true,Pupil1,Family1,car-sch-161-1,04\r
            pup-sch-161-2,active,2026-12-05T18:00:00Z,false,Pupil2,Family2,car-sch-161-2,04\r
            """);
        return dir;
    }
}
