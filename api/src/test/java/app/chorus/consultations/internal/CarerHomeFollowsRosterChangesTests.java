package app.chorus.consultations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.RosterImported;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.notifications.TestClock;
import app.chorus.platform.DomainEvents;
import app.chorus.testing.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.TestPropertySource;

/**
 * A roster import moves children between schools: the phone of a carer whose child joins Oakfield gets Oakfield's open
 * consultation by delta sync, and the phone of one whose child left it has it removed, though she can no longer see it;
 * a carer the change does not concern hears nothing of it. The scheduler is swept by hand (no timing).
 */
@ApiTest
@Import({StageEvents.class, TestClock.class})
@TestPropertySource(properties = "chorus.consultations.sweep-interval=1h")
class CarerHomeFollowsRosterChangesTests {

    private static final String PEOPLE = "directory_people";
    private static final String OAKFIELD = "sch-001";

    @Autowired
    ApplicationContext context;
    @Autowired
    ReactiveMongoTemplate mongo;
    @Autowired
    DomainEvents events;
    @Autowired
    ChangeStamps stamps;
    @Autowired
    ReachOfEarlierConsultations earlier;

    private final List<String> carers = new ArrayList<>();

    @AfterEach
    void takeTheCarersOffTheRoster() {
        mongo.remove(Query.query(Criteria.where("_id").in(carers)), PEOPLE).block();
    }

    @Test
    void aCarerWhoseChildJoinsOakfieldGetsItsOpenConsultationBySync() {
        String joining = carer(false);
        String id = openOakfieldConsultation();
        String cursor = ChangeStamps.cursor(stamps.latest().block());
        assertThat(changes(joining, cursor).toString()).as("not hers yet").doesNotContain(id);

        imported(placeChildAtOakfield(joining, true));

        Map<?, ?> delta = changes(joining, cursor);
        assertThat(changed(delta)).filteredOn(entry -> id.equals(entry.get("id"))).singleElement()
            .satisfies(entry -> assertThat(entry).containsEntry("needsInput", true));
    }

    @Test
    void aCarerWhoseChildLeftOakfieldHasItsConsultationRemovedAndNobodyElseHearsOfIt() {
        String leaving = carer(true);
        String unconcerned = carer(false);
        String id = openOakfieldConsultation();
        String cursor = ChangeStamps.cursor(stamps.latest().block());

        imported(placeChildAtOakfield(leaving, false));

        Map<?, ?> delta = changes(leaving, cursor);
        assertThat(removed(delta)).contains(id);
        assertThat(changes(unconcerned, cursor).toString()).as("another family is not told the id").doesNotContain(id);
    }

    @Test
    void aCarerWhoseChildLeftAConsultationOpenedBeforeTheUpgradeHasItRemovedOnceTheStartRecordedItsReach() {
        String leaving = carer(true);
        String id = openOakfieldConsultation();
        storedAsBeforeReachWasRecorded(id);
        String cursor = ChangeStamps.cursor(stamps.latest().block());

        assertThat(earlier.recordMissing().block()).as("the start records the reach it lacks").isPositive();
        imported(placeChildAtOakfield(leaving, false));

        assertThat(removed(changes(leaving, cursor))).contains(id);
    }

    /** The shape before ADR 0260: an open consultation with no reach recorded. */
    private void storedAsBeforeReachWasRecorded(String id) {
        mongo.remove(Query.query(Criteria.where("consultationId").is(id)), RosterReach.REACH).block();
        mongo.remove(Query.query(Criteria.where("_id").is(id)), RosterReach.RECORDED).block();
        assertThat(mongo.exists(Query.query(Criteria.where("consultationId").is(id)), RosterReach.REACH).block()).isFalse();
    }

    /** An Oakfield carers' consultation in its ideas phase, announced (and its reach recorded) by a sweep. */
    private String openOakfieldConsultation() {
        return ConsultationsOpenForIdeas.open(context, OAKFIELD, Audience.schools(Set.of(OAKFIELD), AudienceRole.CARERS),
            "con-roster-");
    }

    /** A carer on the roster, with a child at Oakfield or with none at any school of the trust yet. */
    private String carer(boolean childAtOakfield) {
        String id = "car-roster-" + System.nanoTime();
        carers.add(id);
        mongo.insert(new Document("_id", id).append("kind", "carer").append("givenName", "Test").append("familyName", "Carer"), PEOPLE).block();
        placeChildAtOakfield(id, childAtOakfield);
        return id;
    }

    /** The event of the import that wrote the carer's document: one person updated. */
    private void imported(String importId) {
        events.publish(new RosterImported(importId, List.of(OAKFIELD), "people: 1 updated", Instant.now(), 1, 0)).block();
    }

    /** Writes the carer's document as a roster import does when their child joins or leaves Oakfield; the import's id. */
    private String placeChildAtOakfield(String carerId, boolean atOakfield) {
        String importId = UUID.randomUUID().toString();
        List<String> keys = new ArrayList<>(List.of(Audience.trustKey(AudienceRole.CARERS)));
        List<Document> children = new ArrayList<>();
        if (atOakfield) {
            keys.add(Audience.schoolKey(OAKFIELD, AudienceRole.CARERS));
            children.add(new Document("pupilId", "pup-" + carerId).append("givenName", "Sam").append("familyName", "Carer")
                .append("schoolId", OAKFIELD).append("yearGroup", null).append("classIds", List.of()).append("relationship", "parent"));
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(carerId)), new org.springframework.data.mongodb.core.query.Update()
            .set("schoolIds", atOakfield ? List.of(OAKFIELD) : List.of()).set("children", children).set("audienceKeys", keys)
            .set("rosterImport", importId), PEOPLE).block();
        return importId;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> changed(Map<?, ?> delta) {
        return (List<Map<String, Object>>) delta.get("changed");
    }

    @SuppressWarnings("unchecked")
    private static List<String> removed(Map<?, ?> delta) {
        return (List<String>) delta.get("removed");
    }

    private Map<?, ?> changes(String carerId, String cursor) {
        CurrentUser carer = new CurrentUser(carerId, carerId, carerId, Set.of(Role.CARER));
        return org.springframework.test.web.reactive.server.WebTestClient.bindToApplicationContext(context).apply(springSecurity())
            .configureClient().responseTimeout(Duration.ofSeconds(60)).build()
            .mutateWith(mockAuthentication(new TestingAuthenticationToken(carer, null, "ROLE_" + Role.CARER.claimValue())))
            .get().uri("/api/v1/consultations/waiting/changes?since=" + cursor).exchange()
            .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
