package app.chorus.notifications;


import app.chorus.identity.internal.TestJwts;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A carer (Sarah: children at Oakfield and Riverside) mutes one of her schools; a school that does not exist, or is
 * not hers, or a number where a school id or language belongs, is refused with a problem naming the field, and her
 * saved preferences stay as they were.
 */
@ApiTest
class CarerMutesOnlyTheirOwnSchoolsTests {

    @Autowired
    ApplicationContext context;

    @Test
    void anUnknownSchoolOrAWrongTypeIsRefusedAndNothingChanges() {
        WebTestClient carer = TestJwts.as(context, "carer.muting", "car-000001", "carer");
        carer.put().uri("/api/v1/preferences").bodyValue(Map.of("channels", List.of("push"), "mutedSchools", List.of("sch-002")))
            .exchange().expectStatus().isOk();

        for (Object muted : List.of(List.of("sch-999"), List.of("sch-003"))) {
            carer.put().uri("/api/v1/preferences").bodyValue(Map.of("channels", List.of("push"), "mutedSchools", muted))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.field").isEqualTo("mutedSchools");
        }
        carer.put().uri("/api/v1/preferences").contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"channels\":[\"push\"],\"language\":5}")
            .exchange().expectStatus().isBadRequest()
            .expectBody().jsonPath("$.type").isEqualTo("urn:chorus:problem:wrong-type").jsonPath("$.field").isEqualTo("language");

        carer.get().uri("/api/v1/preferences").exchange().expectStatus().isOk()
            .expectBody().jsonPath("$.mutedSchools").isEqualTo(List.of("sch-002"));
        carer.put().uri("/api/v1/preferences").bodyValue(Map.of("channels", List.of("push", "email"))).exchange().expectStatus().isOk();
    }
}
