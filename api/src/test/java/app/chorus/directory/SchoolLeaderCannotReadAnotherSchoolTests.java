package app.chorus.directory;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class SchoolLeaderCannotReadAnotherSchoolTests {

    @Autowired
    WebTestClient web;

    @Test
    void headOfOakfieldReadsOakfieldsDirectory() {
        web.get().uri("/api/v1/schools/sch-001/classes")
            .header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items[?(@.id == 'cls-001-RB')].title").isEqualTo("RB")
            .jsonPath("$.items.length()").value(n -> org.assertj.core.api.Assertions.assertThat((Integer) n).isGreaterThan(3));
    }

    @Test
    void headOfOakfieldGets404ForRiversideNever403() {
        for (String path : new String[] {"/api/v1/schools/sch-002", "/api/v1/schools/sch-002/classes",
            "/api/v1/schools/sch-002/year-groups"}) {
            web.get().uri(path)
                .header("Authorization", Tokens.bearer("head.oakfield"))
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void headOfOakfieldListsOnlyOakfield() {
        web.get().uri("/api/v1/schools")
            .header("Authorization", Tokens.bearer("head.oakfield"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.items.length()").isEqualTo(1)
            .jsonPath("$.items[0].name").isEqualTo("Oakfield Primary");
    }

    @Test
    void headOfRiversideGets404ForOakfield() {
        web.get().uri("/api/v1/schools/sch-001")
            .header("Authorization", Tokens.bearer("head.riverside"))
            .exchange()
            .expectStatus().isNotFound();
    }
}
