package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A trust admin's roster import that changes the directory is recorded in the audit with what changed; a dry run is not. */
@ApiTest
class TrustAdminsRosterImportIsAuditedTests {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    WebTestClient web;

    @Test
    void anImportThatChangesSomeoneIsRecordedWithItsChangesAndWhoImported() {
        RosterFileSet renamed = RosterFileSet.demoTrust().edit("users.csv", csv -> csv.replace(",Oliver,Bennett,", ",Ollie,Bennett,"));
        int before = imports().size();
        RosterUploads.zip(web, renamed, "dryRun=true").expectStatus().isOk();
        assertThat(imports()).hasSize(before);
        try {
            RosterUploads.zip(web, renamed, "").expectStatus().isOk();
            List<Map<String, Object>> after = imports();
            assertThat(after).hasSize(before + 1);
            assertThat(after.get(0)).satisfies(entry -> {
                assertThat((String) entry.get("reason")).matches("people: 0 created, [1-9][0-9]* updated, 0 deleted");
                assertThat(entry.get("actor")).isEqualTo("person");
                assertThat(entry.get("subject")).isEqualTo("roster");
            });
        } finally {
            RosterUploads.zip(web, RosterFileSet.demoTrust(), "").expectStatus().isOk();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> imports() {
        Map<String, Object> page = web.get().uri("/api/v1/audit?kind=roster-imported&limit=200")
            .header("Authorization", Tokens.bearer("privacy.trust")).exchange().expectStatus().isOk()
            .expectBody(JSON).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }
}
