package app.chorus.directory.internal.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.chorus.directory.Access;
import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.internal.store.Person;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The authorization policy, rule by rule, on a two-school trust (plain unit tests, no Spring). */
class AccessPolicyTests {

    static final TrustShape SHAPE = new TrustShape(1, "Trust", Map.of(
        "sch-001", new TrustShape.School("sch-001", "Oakfield Primary", "primary", List.of("R", "Y1")),
        "sch-002", new TrustShape.School("sch-002", "Riverside Academy", "secondary", List.of("Y7"))),
        Map.of(
            "cls-a", new TrustShape.SchoolClass("cls-a", "RB", "RB", "sch-001", "R", List.of("stf-3"), 20),
            "cls-b", new TrustShape.SchoolClass("cls-b", "1B", "1B", "sch-001", "Y1", List.of("stf-3"), 20),
            "cls-c", new TrustShape.SchoolClass("cls-c", "1O", "1O", "sch-001", "Y1", List.of("stf-9"), 20),
            "cls-z", new TrustShape.SchoolClass("cls-z", "7X1", "7X1", "sch-002", "Y7", List.of("stf-8"), 20)));

    static final Audience OAKFIELD_CARERS = Audience.schools(Set.of("sch-001"), AudienceRole.CARERS);
    static final Audience RIVERSIDE_CARERS = Audience.schools(Set.of("sch-002"), AudienceRole.CARERS);
    static final Audience TRUST_CARERS = Audience.trust(AudienceRole.CARERS);
    static final Audience MY_CLASSES = Audience.classes(Set.of("cls-a", "cls-b"), AudienceRole.CARERS);
    static final Audience OTHER_CLASS = Audience.classes(Set.of("cls-c"), AudienceRole.CARERS);
    static final Audience OAKFIELD_Y1 = new Audience(Audience.Scope.YEAR_GROUPS, Set.of("sch-001:Y1"), Set.of(AudienceRole.CARERS));
    static final Audience BOTH_SCHOOLS = Audience.schools(Set.of("sch-001", "sch-002"), AudienceRole.STAFF);

    static Access access(Person person, Role... roles) {
        return new RosterAccess(new CurrentUser("sub", "user", person == null ? null : person.id(), Set.of(roles)), person, SHAPE);
    }

    static Person staff(String id, List<String> schools, List<String> leads, List<String> classes) {
        return new Person(id, "staff", "A", "B", null, null, schools, leads, false, classes, null, List.of(), List.of());
    }

    static Person trustStaff(String id) {
        return new Person(id, "staff", "A", "B", null, null, List.of(), List.of(), true, List.of(), null, List.of(), List.of());
    }

    static final Person HEAD_OAKFIELD = staff("stf-2", List.of("sch-001"), List.of("sch-001"), List.of());
    static final Person TEACHER_OAKFIELD = staff("stf-3", List.of("sch-001"), List.of(), List.of("cls-a", "cls-b"));
    static final Person CARER = new Person("car-1", "carer", "Sarah", "Bennett", null, null, List.of("sch-001", "sch-002"),
        List.of(), false, List.of(), null, List.of(
            new Person.Child("pup-1", "Oliver", "Bennett", "sch-001", "R", List.of("cls-a"), "parent"),
            new Person.Child("pup-2", "Emily", "Bennett", "sch-002", "Y7", List.of("cls-z"), "parent")), List.of());
    static final Person PUPIL = new Person("pup-1", "pupil", "Oliver", "Bennett", null, null, List.of("sch-001"),
        List.of(), false, List.of("cls-a"), "R", List.of(), List.of());

    @Test
    void trustLeaderReadsEverySchoolAndAddressesAndApprovesAnything() {
        Access leader = access(trustStaff("stf-1"), Role.TRUST_LEADER, Role.STAFF);
        assertThat(leader.isTrustWide()).isTrue();
        assertThat(leader.schools()).containsExactlyInAnyOrder("sch-001", "sch-002");
        assertThat(leader.canAddress(TRUST_CARERS)).isTrue();
        assertThat(leader.needsApprovalToAddress(TRUST_CARERS)).isFalse();
        assertThat(leader.canApprove(TRUST_CARERS)).isTrue();
        assertThat(leader.canApprove(RIVERSIDE_CARERS)).isTrue();
    }

    @Test
    void trustAdminReadsEverySchoolAndImportsTheRosterButAddressesNothing() {
        Access admin = access(trustStaff("stf-1"), Role.TRUST_ADMIN);
        assertThat(admin.canReadSchool("sch-002")).isTrue();
        assertThat(admin.canImportRoster()).isTrue();
        assertThat(admin.canAddress(OAKFIELD_CARERS)).isFalse();
    }

    @Test
    void privacyOfficerReadsEverySchoolButMayNotImportOrAddress() {
        Access privacy = access(trustStaff("stf-5"), Role.PRIVACY_OFFICER, Role.STAFF);
        assertThat(privacy.schools()).containsExactlyInAnyOrder("sch-001", "sch-002");
        assertThat(privacy.canImportRoster()).isFalse();
        assertThat(privacy.canAddress(TRUST_CARERS)).isFalse();
    }

    @Test
    void schoolLeaderReadsAndAddressesOnlyTheirSchoolWithoutApproval() {
        Access head = access(HEAD_OAKFIELD, Role.SCHOOL_LEADER, Role.STAFF);
        assertThat(head.schools()).containsExactly("sch-001");
        assertThat(head.leadsSchools()).containsExactly("sch-001");
        assertThat(head.canReadSchool("sch-002")).isFalse();
        assertThat(head.canAddress(OAKFIELD_CARERS)).isTrue();
        assertThat(head.canAddress(OAKFIELD_Y1)).isTrue();
        assertThat(head.canAddress(OTHER_CLASS)).isTrue();
        assertThat(head.needsApprovalToAddress(OAKFIELD_CARERS)).isFalse();
        assertThat(head.canAddress(RIVERSIDE_CARERS)).isFalse();
        assertThat(head.canAddress(BOTH_SCHOOLS)).isFalse();
        assertThat(head.canAddress(TRUST_CARERS)).isFalse();
    }

    @Test
    void schoolLeaderApprovesPostsToTheirSchoolOnlyAndNeverTrustWide() {
        Access head = access(HEAD_OAKFIELD, Role.SCHOOL_LEADER, Role.STAFF);
        assertThat(head.canApprove(MY_CLASSES)).isTrue();
        assertThat(head.canApprove(RIVERSIDE_CARERS)).isFalse();
        assertThat(head.canApprove(TRUST_CARERS)).isFalse();
    }

    @Test
    void schoolOutsideReachAnswers404NotFound() {
        Access head = access(HEAD_OAKFIELD, Role.SCHOOL_LEADER, Role.STAFF);
        assertThatThrownBy(() -> head.requireSchool("sch-002"))
            .isInstanceOfSatisfying(Problem.class, problem -> assertThat(problem.status()).isEqualTo(404));
        head.requireSchool("sch-001");
    }

    @Test
    void safeguardingLeadReadsTheSchoolsWhereTheyWork() {
        Access dsl = access(staff("stf-4", List.of("sch-001"), List.of(), List.of()), Role.SAFEGUARDING_LEAD, Role.STAFF);
        assertThat(dsl.schools()).containsExactly("sch-001");
        assertThat(dsl.canReadSchool("sch-002")).isFalse();
        assertThat(dsl.canAddress(OAKFIELD_CARERS)).isFalse();
    }

    @Test
    void staffAddressOnlyTheirOwnClassesAndNeedApproval() {
        Access teacher = access(TEACHER_OAKFIELD, Role.STAFF);
        assertThat(teacher.teachesClasses()).containsExactlyInAnyOrder("cls-a", "cls-b");
        assertThat(teacher.canAddress(MY_CLASSES)).isTrue();
        assertThat(teacher.needsApprovalToAddress(MY_CLASSES)).isTrue();
        assertThat(teacher.canAddress(OTHER_CLASS)).isFalse();
        assertThat(teacher.canAddress(OAKFIELD_CARERS)).isFalse();
        assertThat(teacher.canApprove(MY_CLASSES)).isFalse();
        assertThat(teacher.canImportRoster()).isFalse();
    }

    @Test
    void carerReadsTheirChildrensSchoolsAndAddressesNothing() {
        Access carer = access(CARER, Role.CARER);
        assertThat(carer.schools()).containsExactlyInAnyOrder("sch-001", "sch-002");
        assertThat(carer.isTrustWide()).isFalse();
        assertThat(carer.canAddress(MY_CLASSES)).isFalse();
        assertThat(carer.canApprove(MY_CLASSES)).isFalse();
    }

    @Test
    void pupilReadsOnlyTheirSchoolAndAddressesNothing() {
        Access pupil = access(PUPIL, Role.PUPIL);
        assertThat(pupil.schools()).containsExactly("sch-001");
        assertThat(pupil.canAddress(MY_CLASSES)).isFalse();
    }

    @Test
    void loginWithoutADirectoryPersonReadsNothing() {
        Access stranger = access(null, Role.STAFF);
        assertThat(stranger.schools()).isEmpty();
        assertThat(stranger.canReadSchool("sch-001")).isFalse();
    }

    @Test
    void rolesComeFromTheTokenNotFromTheRoster() {
        Access headWithoutLeaderRole = access(HEAD_OAKFIELD, Role.STAFF);
        assertThat(headWithoutLeaderRole.leadsSchools()).isEmpty();
        assertThat(headWithoutLeaderRole.canAddress(OAKFIELD_CARERS)).isFalse();
    }
}
