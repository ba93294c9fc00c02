package app.chorus.directory;

import app.chorus.testing.ApiTest;
import app.chorus.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ApiTest
class CarerSeesTheirChildrenTests {

    @Autowired
    WebTestClient web;

    @Test
    void carerSeesBothChildrenWithSchoolYearAndClass() {
        web.get().uri("/api/v1/me")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.personId").isEqualTo("car-000001")
            .jsonPath("$.name").isEqualTo("Sarah Bennett")
            .jsonPath("$.children.length()").isEqualTo(2)
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].givenName").isEqualTo("Oliver")
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].schoolName").isEqualTo("Oakfield Primary")
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].yearGroupName").isEqualTo("Reception")
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].classIds[0]").isEqualTo("cls-001-RB")
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].classes[0].title").isEqualTo("RB")
            .jsonPath("$.children[?(@.pupilId == 'pup-000001')].relationship").isEqualTo("parent")
            .jsonPath("$.children[?(@.schoolId == 'sch-002')].schoolName").isEqualTo("Riverside Academy")
            .jsonPath("$.schools.length()").isEqualTo(2);
    }

    @Test
    void carerReadsTheirChildrensSchoolsButNoOther() {
        web.get().uri("/api/v1/schools/sch-002")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.name").isEqualTo("Riverside Academy");
        web.get().uri("/api/v1/schools/sch-003")
            .header("Authorization", Tokens.bearer("carer.demo"))
            .exchange()
            .expectStatus().isNotFound();
    }

    @Test
    void pupilSeesOnlyTheirOwnSchool() {
        web.get().uri("/api/v1/me")
            .header("Authorization", Tokens.bearer("pupil.demo"))
            .exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.name").isEqualTo("Oliver Bennett")
            .jsonPath("$.schools.length()").isEqualTo(1)
            .jsonPath("$.schools[0].id").isEqualTo("sch-001");
    }
}
