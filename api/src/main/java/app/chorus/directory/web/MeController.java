package app.chorus.directory.web;

import app.chorus.directory.Access;
import app.chorus.directory.SchoolSummary;
import app.chorus.directory.internal.YearGroups;
import app.chorus.directory.internal.access.RosterAccess;
import app.chorus.directory.internal.store.People;
import app.chorus.directory.internal.store.Person;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.identity.CurrentUser;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Who am I: my roles, my schools, the pupils I care for. Built from one read of the person and the cached trust
 * shape: this is on every app start and home refresh, so it must not read the same person document once per part.
 */
@RestController
class MeController {

    private final People people;
    private final TrustShapes shapes;

    MeController(People people, TrustShapes shapes) {
        this.people = people;
        this.shapes = shapes;
    }

    record Me(String username, String personId, String name, String kind, Set<String> roles, boolean trustWide,
              List<SchoolSummary> schools, Set<String> leadsSchools, Set<String> teachesClasses, List<Child> children) {
    }

    record Child(String pupilId, String givenName, String familyName, String schoolId, String schoolName, String yearGroup,
                 String yearGroupName, List<String> classIds, List<ClassName> classes, String relationship) {
    }

    record ClassName(String id, String title) {
    }

    @GetMapping("/api/v1/me")
    Mono<Me> me(@AuthenticationPrincipal CurrentUser user) {
        Mono<Optional<Person>> person = user.isLinkedToPerson()
            ? people.find(user.personId()).map(Optional::of).defaultIfEmpty(Optional.empty())
            : Mono.just(Optional.empty());
        return Mono.zip(person, shapes.current()).map(both -> me(user, both.getT1().orElse(null), both.getT2()));
    }

    private static Me me(CurrentUser user, Person person, TrustShape shape) {
        TreeSet<String> roles = new TreeSet<>();
        user.roles().forEach(role -> roles.add(role.claimValue()));
        // the same Access the AccessPolicy computes, from the person already read
        Access access = new RosterAccess(user, person, shape);
        List<SchoolSummary> schools = shape.schools().values().stream()
            .filter(school -> access.schools().contains(school.id()))
            .sorted(Comparator.comparing(TrustShape.School::id)).map(TrustShape.School::summary).toList();
        List<Child> children = person == null ? List.of() : person.children().stream().map(child -> child(child, shape)).toList();
        return new Me(user.username(), user.personId() == null ? "null" : user.personId(),
            person == null ? null : person.givenName() + " " + person.familyName(), person == null ? null : person.kind(),
            roles, access.isTrustWide(), schools, new TreeSet<>(access.leadsSchools()), new TreeSet<>(access.teachesClasses()),
            children);
    }

    private static Child child(Person.Child pupil, TrustShape shape) {
        TrustShape.School school = pupil.schoolId() == null ? null : shape.schools().get(pupil.schoolId());
        List<ClassName> classes = pupil.classIds().stream().filter(shape.classes()::containsKey)
            .map(id -> new ClassName(id, shape.classes().get(id).title())).toList();
        return new Child(pupil.pupilId(), pupil.givenName(), pupil.familyName(), pupil.schoolId(),
            school == null ? null : school.name(), pupil.yearGroup(),
            pupil.yearGroup() == null ? null : YearGroups.name(pupil.yearGroup()), pupil.classIds(), classes, pupil.relationship());
    }
}
