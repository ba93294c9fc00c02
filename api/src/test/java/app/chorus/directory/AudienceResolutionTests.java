package app.chorus.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.shared.Problem;
import app.chorus.testing.ApiTest;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Audiences over the seeded demo trust (3 schools, 120 pupils). */
@ApiTest
class AudienceResolutionTests {

    @Autowired
    AudienceResolver audiences;

    @Test
    void aCarersKeysComeFromEveryChildTheyCareFor() {
        assertThat(audiences.keysOf("car-000001").block()).contains(
            "trust/carers", "school:sch-001/carers", "school:sch-002/carers", "year:sch-001:R/carers",
            "year:sch-002:Y7/carers", "class:cls-001-RB/carers")
            .noneMatch(key -> key.endsWith("/staff") || key.endsWith("/pupils"));
    }

    @Test
    void aTeachersKeysNameTheirSchoolAndTheClassesTheyTeach() {
        assertThat(audiences.keysOf("stf-00003").block()).contains(
            "trust/staff", "school:sch-001/staff", "class:cls-001-RB/staff", "class:cls-001-1B/staff");
    }

    @Test
    void unknownPersonBelongsToNoAudience() {
        assertThat(audiences.keysOf("nobody").block()).isEmpty();
    }

    @Test
    void aClassCarerAudienceReachesTheCarerWithOnlyThePupilInThatClass() {
        List<AudienceMember> members = audiences.resolve(Audience.classes(Set.of("cls-001-RB"), AudienceRole.CARERS))
            .collectList().block();
        AudienceMember sarah = members.stream().filter(m -> m.personId().equals("car-000001")).findFirst().orElseThrow();
        assertThat(sarah.pupilIds()).containsExactly("pup-000001");
        assertThat(sarah.schoolIds()).containsExactly("sch-001");
        assertThat(members).allMatch(m -> m.role() == AudienceRole.CARERS);
    }

    @Test
    void trustWideCarersReachEveryCarerOnceWithAllTheirChildren() {
        List<AudienceMember> members = audiences.resolve(Audience.trust(AudienceRole.CARERS)).collectList().block();
        assertThat(members).extracting(AudienceMember::personId).doesNotHaveDuplicates();
        assertThat(members.size()).isGreaterThan(120);
        AudienceMember sarah = members.stream().filter(m -> m.personId().equals("car-000001")).findFirst().orElseThrow();
        assertThat(sarah.schoolIds()).containsExactlyInAnyOrder("sch-001", "sch-002");
        assertThat(sarah.pupilIds()).hasSize(2);
    }

    @Test
    void staffAndPupilsOfOneSchoolAreOnlyThatSchools() {
        List<AudienceMember> members = audiences.resolve(Audience.schools(Set.of("sch-002"), AudienceRole.STAFF, AudienceRole.PUPILS))
            .collectList().block();
        assertThat(members).isNotEmpty().allMatch(m -> m.schoolIds().contains("sch-002"));
        assertThat(members).extracting(AudienceMember::personId).contains("stf-00006").doesNotContain("stf-00002", "pup-000001");
    }

    @Test
    void reachCountsPeopleBySchoolAndRole() {
        AudienceReach reach = audiences.reach(new Audience(Audience.Scope.YEAR_GROUPS, Set.of("sch-001:R"),
            Set.of(AudienceRole.CARERS, AudienceRole.PUPILS))).block();
        long pupils = reach.bySchool().get("sch-001").get(AudienceRole.PUPILS);
        assertThat(pupils).isPositive();
        assertThat(reach.people()).isEqualTo(pupils + reach.bySchool().get("sch-001").get(AudienceRole.CARERS));
    }

    @Test
    void validatingAnAudienceListsEveryUnknownId() {
        Audience audience = Audience.classes(Set.of("cls-001-RB", "cls-nope", "cls-gone"), AudienceRole.CARERS);
        assertThatThrownBy(() -> audiences.validate(audience).block())
            .isInstanceOfSatisfying(Problem.class, problem -> {
                assertThat(problem.status()).isEqualTo(400);
                assertThat((List<?>) problem.properties().get("unknown")).hasSize(2);
                assertThat(problem.getMessage()).contains("cls-nope", "cls-gone");
            });
        assertThat(audiences.validate(new Audience(Audience.Scope.YEAR_GROUPS, Set.of("sch-001:Y4"), Set.of(AudienceRole.CARERS)))
            .block()).isNotNull();
    }
}
