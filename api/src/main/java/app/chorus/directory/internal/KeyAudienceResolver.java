package app.chorus.directory.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceReach;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.internal.store.People;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.directory.internal.store.TrustShapes;
import app.chorus.shared.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Resolves audiences through the audience keys the import stores on every person: one query
 * ({@code audienceKeys $in keys}) streamed in batches, and one primary-key lookup for a person's keys.
 */
@Component
class KeyAudienceResolver implements AudienceResolver {

    private final People people;
    private final TrustShapes shapes;

    KeyAudienceResolver(People people, TrustShapes shapes) {
        this.people = people;
        this.shapes = shapes;
    }

    @Override
    public Mono<Audience> validate(Audience audience) {
        return shapes.current().map(shape -> {
            List<String> unknown = new ArrayList<>();
            for (String id : audience.ids()) {
                if (!known(shape, audience.scope(), id)) {
                    unknown.add(id);
                }
            }
            if (audience.roles().isEmpty()) {
                throw Problem.badRequest("audience-invalid", "The audience names no one: choose carers, staff or pupils.");
            }
            if (audience.scope() != Audience.Scope.TRUST && audience.ids().isEmpty()) {
                throw Problem.badRequest("audience-invalid", "The audience names no " + scopeName(audience.scope())
                    + ": choose at least one, or address the whole trust.");
            }
            if (!unknown.isEmpty()) {
                throw Problem.badRequest("audience-unknown", "These " + scopeName(audience.scope()) + " are not in the directory: "
                    + String.join(", ", unknown) + ". Pick them from the directory (year groups are written SCHOOL:YEAR, e.g. sch-001:Y4).")
                    .with("unknown", unknown);
            }
            return audience;
        });
    }

    private static boolean known(TrustShape shape, Audience.Scope scope, String id) {
        return switch (scope) {
            case TRUST -> false;
            case SCHOOLS -> shape.schools().containsKey(id);
            case CLASSES -> shape.classes().containsKey(id);
            case YEAR_GROUPS -> {
                int colon = id.indexOf(':');
                yield colon > 0 && shape.hasYearGroup(id.substring(0, colon), id.substring(colon + 1));
            }
        };
    }

    private static String scopeName(Audience.Scope scope) {
        return scope.name().toLowerCase().replace('_', ' ');
    }

    @Override
    public Flux<AudienceMember> resolve(Audience audience) {
        Set<String> keys = audience.keys();
        if (keys.isEmpty()) {
            return Flux.empty();
        }
        return people.withAnyKey(keys).map(doc -> member(doc, keys));
    }

    private static AudienceMember member(Document doc, Set<String> keys) {
        String kind = doc.getString("kind");
        String language = doc.getString("preferredLanguage");
        if (!"carer".equals(kind)) {
            AudienceRole role = "pupil".equals(kind) ? AudienceRole.PUPILS : AudienceRole.STAFF;
            return new AudienceMember(doc.getString("_id"), role, Set.copyOf(doc.getList("schoolIds", String.class, List.of())),
                Set.of(), language);
        }
        Set<String> schools = new TreeSet<>();
        Set<String> pupils = new LinkedHashSet<>();
        for (Document child : doc.getList("children", Document.class, List.of())) {
            if (childInScope(child, keys)) {
                pupils.add(child.getString("pupilId"));
                if (child.getString("schoolId") != null) {
                    schools.add(child.getString("schoolId"));
                }
            }
        }
        return new AudienceMember(doc.getString("_id"), AudienceRole.CARERS, schools, pupils, language);
    }

    private static boolean childInScope(Document child, Set<String> keys) {
        if (keys.contains(Audience.trustKey(AudienceRole.CARERS))) {
            return true;
        }
        String school = child.getString("schoolId");
        if (school == null) {
            return false;
        }
        if (keys.contains(Audience.schoolKey(school, AudienceRole.CARERS))) {
            return true;
        }
        String year = child.getString("yearGroup");
        if (year != null && keys.contains(Audience.yearKey(school, year, AudienceRole.CARERS))) {
            return true;
        }
        return child.getList("classIds", String.class, List.of()).stream()
            .anyMatch(id -> keys.contains(Audience.classKey(id, AudienceRole.CARERS)));
    }

    @Override
    public Mono<AudienceReach> reach(Audience audience) {
        return resolve(audience).reduce(new Tally(), Tally::add).map(Tally::reach);
    }

    /** Running counts by school and role; bounded by schools x roles, not by people. */
    private static final class Tally {
        long people;
        final Map<String, Map<AudienceRole, Long>> bySchool = new HashMap<>();

        Tally add(AudienceMember member) {
            people++;
            member.schoolIds().forEach(school -> bySchool.computeIfAbsent(school, s -> new EnumMap<>(AudienceRole.class))
                .merge(member.role(), 1L, Long::sum));
            return this;
        }

        AudienceReach reach() {
            return new AudienceReach(people, bySchool);
        }
    }

    @Override
    public Mono<Set<String>> keysOf(String personId) {
        return people.keys(personId)
            .map(doc -> Set.copyOf(doc.getList("audienceKeys", String.class, List.of())))
            .defaultIfEmpty(Set.of());
    }

    @Override
    public Mono<Map<String, Set<String>>> keysOf(Collection<String> personIds) {
        return people.keys(personIds)
            .collectMap(doc -> doc.getString("_id"), doc -> Set.copyOf(doc.getList("audienceKeys", String.class, List.of())));
    }
}
