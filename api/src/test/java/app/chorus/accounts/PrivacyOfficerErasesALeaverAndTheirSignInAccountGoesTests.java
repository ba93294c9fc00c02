package app.chorus.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer leaves a school's roster: their sign-in account in the real Keycloak is disabled at the sync after the
 * import, and the audit says so by the account's id. The privacy officer then erases them: the account is deleted,
 * audited without naming them. A deletion a Keycloak outage left owed is done by the next sync.
 */
@ProvisioningTest
class PrivacyOfficerErasesALeaverAndTheirSignInAccountGoesTests {

    @Autowired
    WebTestClient web;
    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterEach
    void schoolTakenOutAgain() {
        SmallSchool.remove(web);
        sync();
    }

    @Test
    void theLeaversAccountIsDisabledOnLeavingAndDeletedOnErasure() {
        SmallSchool.importWith(web, List.of(7, 8));
        sync();
        String accountId = (String) TestRealm.userLinkedTo(SmallSchool.carer(8)).get("id");

        SmallSchool.importWith(web, List.of(7));
        sync();

        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(8))).as("the leaver's account").containsEntry("enabled", false);
        assertThat(audit("account-disabled")).as("the audit of the disabling")
            .anySatisfy(entry -> assertThat(entry).containsEntry("subject", "account:" + accountId)
                .containsEntry("reason", "left the roster").containsEntry("actor", "system"));

        web.post().uri("/api/v1/people/{person}/erasure", SmallSchool.carer(8))
            .header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk();

        assertThat(TestRealm.usersLinkedTo(SmallSchool.carer(8))).as("the erased leaver's account").isEmpty();
        List<Map<String, Object>> deletions = audit("account-deleted");
        assertThat(deletions).as("the audit of the deletion, by the privacy officer")
            .anySatisfy(entry -> assertThat(entry).containsEntry("subject", "account").containsEntry("actor", "person")
                .containsEntry("reason", "the sign-in account of an erased person"));
        assertThat(deletions.toString()).as("the deletion's audit does not name the person").doesNotContain(SmallSchool.carer(8));
        assertThat(TestRealm.userLinkedTo(SmallSchool.carer(7))).as("the family who stayed").containsEntry("enabled", true);
    }

    @Test
    void aDeletionAKeycloakOutageLeftOwedIsDoneByTheNextSync() {
        SmallSchool.importWith(web, List.of(9));
        sync();
        SmallSchool.importWith(web, List.of());
        // what the erasure of a leaver leaves behind when Keycloak does not answer at that moment
        mongo.save(new Document("_id", "delete:" + SmallSchool.carer(9)).append("personId", SmallSchool.carer(9))
            .append("erasureId", "outage-test").append("since", "2026-12-06T10:00:00Z"), "account_work").block();

        sync();

        assertThat(TestRealm.usersLinkedTo(SmallSchool.carer(9))).as("the owed account, deleted").isEmpty();
        assertThat(mongo.findById("delete:" + SmallSchool.carer(9), Document.class, "account_work").block())
            .as("the owed work, done").isNull();
    }

    @Test
    void erasingSomeoneWithoutAnAccountChangesNothingInKeycloak() {
        SmallSchool.importWith(web, List.of(10));
        sync();
        SmallSchool.importWith(web, List.of());

        web.post().uri("/api/v1/people/{person}/erasure", SmallSchool.pupil(10))
            .header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk();

        assertThat(mongo.findById("delete:" + SmallSchool.pupil(10), Document.class, "account_work").block())
            .as("nothing owed for a pupil who never had an account").isNull();
        assertThat(TestRealm.usersLinkedTo(SmallSchool.carer(10))).as("their carer's account, left alone").hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit(String kind) {
        Map<String, Object> page = web.get().uri("/api/v1/audit?kind={kind}&limit=200", kind)
            .header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    private void sync() {
        SmallSchool.sync(web);
    }
}
