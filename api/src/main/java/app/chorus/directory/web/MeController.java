package app.chorus.directory.web;

import app.chorus.directory.Access;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.DirectoryQueries;
import app.chorus.directory.SchoolSummary;
import app.chorus.directory.internal.YearGroups;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.identity.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Who am I: my roles, my schools, the pupils I care for. */
@RestController
class MeController {

    private final AccessPolicy policy;
    private final DirectoryQueries directory;
    private final TrustShapes shapes;

    MeController(AccessPolicy policy, DirectoryQueries directory, TrustShapes shapes) {
        this.policy = policy;
        this.directory = directory;
        this.shapes = shapes;
    }

    record Me(String username, String personId, String name, String kind, Set<String> roles, boolean trustWide,
              List<SchoolSummary> schools, Set<String> leadsSchools, Set<String> teachesClasses, List<Child> children) {
    }

    record Child(String pupilId, String givenName, String familyName, String schoolId, String schoolName, String yearGroup,
                 String yearGroupName, List<String> classIds, List<ClassName> classes) {
    }

    record ClassName(String id, String title) {
    }

    @GetMapping("/api/v1/me")
    Mono<Me> me(@AuthenticationPrincipal CurrentUser user) {
        TreeSet<String> roles = new TreeSet<>();
        user.roles().forEach(role -> roles.add(role.claimValue()));
        Mono<Access> access = policy.accessOf(user);
        Mono<List<SchoolSummary>> schools = access.flatMap(a -> directory.schools()
            .filter(school -> a.schools().contains(school.id())).collectList());
        Mono<List<Child>> children = user.isLinkedToPerson()
            ? shapes.current().flatMap(shape -> directory.pupilsCaredFor(user.personId()).map(p -> child(p, shape)).collectList())
            : Mono.just(List.of());
        Mono<String[]> person = user.isLinkedToPerson()
            ? directory.person(user.personId()).map(p -> new String[] {p.displayName(), p.kind()})
                .defaultIfEmpty(new String[] {null, null})
            : Mono.just(new String[] {null, null});
        return Mono.zip(access, schools, children, person).map(all -> new Me(user.username(),
            user.personId() == null ? "null" : user.personId(), all.getT4()[0], all.getT4()[1], roles,
            all.getT1().isTrustWide(), all.getT2(), new TreeSet<>(all.getT1().leadsSchools()),
            new TreeSet<>(all.getT1().teachesClasses()), all.getT3()));
    }

    private static Child child(DirectoryQueries.CaredForPupil pupil, TrustShape shape) {
        List<ClassName> classes = pupil.classIds().stream().filter(shape.classes()::containsKey)
            .map(id -> new ClassName(id, shape.classes().get(id).title())).toList();
        return new Child(pupil.pupilId(), pupil.givenName(), pupil.familyName(), pupil.schoolId(), pupil.schoolName(),
            pupil.yearGroup(), pupil.yearGroup() == null ? null : YearGroups.name(pupil.yearGroup()), pupil.classIds(), classes);
    }
}
