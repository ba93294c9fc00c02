package app.chorus.directory.web;

import app.chorus.directory.AccessPolicy;
import app.chorus.directory.internal.YearGroups;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.shared.Problem;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The school directory as each person may see it: only the schools in their reach are listed, and any other
 * school answers 404 (never 403).
 */
@RestController
class SchoolDirectoryController {

    private final AccessPolicy policy;
    private final TrustShapes shapes;

    SchoolDirectoryController(AccessPolicy policy, TrustShapes shapes) {
        this.policy = policy;
        this.shapes = shapes;
    }

    record SchoolView(String id, String name, String phase, List<YearGroupView> yearGroups, long classCount) {
    }

    record YearGroupView(String id, String name, String audienceId) {
    }

    record ClassView(String id, String title, String yearGroup, int pupils) {
    }

    @GetMapping("/api/v1/schools")
    Mono<Page<SchoolView>> schools(@AuthenticationPrincipal CurrentUser user) {
        return Mono.zip(policy.accessOf(user), shapes.current()).map(both -> Page.of(both.getT2().schools().values().stream()
            .filter(school -> both.getT1().canReadSchool(school.id()))
            .sorted(Comparator.comparing(TrustShape.School::id))
            .map(school -> view(both.getT2(), school)).toList(), null));
    }

    @GetMapping("/api/v1/schools/{schoolId}")
    Mono<SchoolView> school(@AuthenticationPrincipal CurrentUser user, @PathVariable String schoolId) {
        return readable(user, schoolId).map(shape -> view(shape, shape.schools().get(schoolId)));
    }

    @GetMapping("/api/v1/schools/{schoolId}/year-groups")
    Mono<Page<YearGroupView>> yearGroups(@AuthenticationPrincipal CurrentUser user, @PathVariable String schoolId) {
        return readable(user, schoolId).map(shape -> Page.of(yearGroupsOf(shape.schools().get(schoolId)), null));
    }

    @GetMapping("/api/v1/schools/{schoolId}/classes")
    Mono<Page<ClassView>> classes(@AuthenticationPrincipal CurrentUser user, @PathVariable String schoolId,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) {
            return Mono.error(Problem.badRequest("invalid-limit", "limit must be between 1 and 500.").with("field", "limit"));
        }
        return readable(user, schoolId).map(shape -> {
            List<ClassView> after = shape.classes().values().stream()
                .filter(c -> c.schoolId().equals(schoolId))
                .filter(c -> cursor == null || c.id().compareTo(cursor) > 0)
                .sorted(Comparator.comparing(TrustShape.SchoolClass::id))
                .limit(limit + 1L)
                .map(c -> new ClassView(c.id(), c.title(), c.yearGroup(), c.pupilCount()))
                .toList();
            boolean more = after.size() > limit;
            List<ClassView> page = more ? after.subList(0, limit) : after;
            return Page.of(page, more ? page.get(page.size() - 1).id() : null);
        });
    }

    private Mono<TrustShape> readable(CurrentUser user, String schoolId) {
        return Mono.zip(policy.accessOf(user), shapes.current()).map(both -> {
            both.getT1().requireSchool(schoolId);
            return both.getT2();
        });
    }

    private static SchoolView view(TrustShape shape, TrustShape.School school) {
        long classes = shape.classes().values().stream().filter(c -> c.schoolId().equals(school.id())).count();
        return new SchoolView(school.id(), school.name(), school.phase(), yearGroupsOf(school), classes);
    }

    private static List<YearGroupView> yearGroupsOf(TrustShape.School school) {
        return school.yearGroups().stream()
            .map(y -> new YearGroupView(y, YearGroups.name(y), school.id() + ":" + y)).toList();
    }
}
