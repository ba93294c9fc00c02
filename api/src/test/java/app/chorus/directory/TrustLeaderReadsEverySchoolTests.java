package app.chorus.directory;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class TrustLeaderReadsEverySchoolTests {

    @Autowired
    WebTestClient web;

    @Test
    void trustLeaderListsEverySchoolOfTheTrust() {
        web.get().uri("/api/v1/schools")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items.length()").isEqualTo(3)
            .jsonPath("$.items[0].name").isEqualTo("Oakfield Primary")
            .jsonPath("$.items[0].phase").isEqualTo("primary")
            .jsonPath("$.items[1].name").isEqualTo("Riverside Academy")
            .jsonPath("$.items[1].phase").isEqualTo("secondary");
    }

    @Test
    void trustLeaderReadsEachSchoolsClassesAndYearGroups() {
        for (String school : new String[] {"sch-001", "sch-002", "sch-003"}) {
            web.get().uri("/api/v1/schools/" + school + "/classes")
                .header("Authorization", Tokens.bearer("leader.trust"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].id").exists();
            web.get().uri("/api/v1/schools/" + school + "/year-groups")
                .header("Authorization", Tokens.bearer("leader.trust"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(7);
        }
    }

    @Test
    void privacyOfficerAlsoReadsTheWholeTrust() {
        web.get().uri("/api/v1/me")
            .header("Authorization", Tokens.bearer("privacy.trust"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.trustWide").isEqualTo(true)
            .jsonPath("$.schools.length()").isEqualTo(3);
    }

    @Test
    void unknownSchoolAnswers404EvenForTheTrustLeader() {
        web.get().uri("/api/v1/schools/sch-999")
            .header("Authorization", Tokens.bearer("leader.trust"))
            .exchange()
            .expectStatus().isNotFound();
    }
}
