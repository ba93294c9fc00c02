package app.chorus.directory;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An audience expression: a scope (the whole trust, some schools, some year groups, some classes)
 * crossed with roles (carers, staff, pupils).
 *
 * <p>It flattens to <em>audience keys</em>, the strings stored on anything addressed to people and
 * matched against {@link AudienceResolver#keysOf(String)} to build a person's feed:
 * {@code trust/carers}, {@code school:SCHOOL/staff}, {@code year:SCHOOL:YEAR/pupils},
 * {@code class:CLASS/carers}.
 *
 * @param scope  how wide
 * @param ids    school ids (SCHOOLS), {@code SCHOOL:YEAR} pairs (YEAR_GROUPS), class ids (CLASSES); empty for TRUST
 * @param roles  who within the scope
 */
public record Audience(Scope scope, Set<String> ids, Set<AudienceRole> roles) {

    public enum Scope { TRUST, SCHOOLS, YEAR_GROUPS, CLASSES }

    public Audience {
        ids = Set.copyOf(ids);
        roles = Set.copyOf(roles);
    }

    public static Audience trust(AudienceRole... roles) {
        return new Audience(Scope.TRUST, Set.of(), Set.of(roles));
    }

    public static Audience schools(Set<String> schoolIds, AudienceRole... roles) {
        return new Audience(Scope.SCHOOLS, schoolIds, Set.of(roles));
    }

    public static Audience classes(Set<String> classIds, AudienceRole... roles) {
        return new Audience(Scope.CLASSES, classIds, Set.of(roles));
    }

    /** The audience keys this expression stands for. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (AudienceRole role : roles) {
            if (scope == Scope.TRUST) {
                keys.add(trustKey(role));
            } else {
                ids.forEach(id -> keys.add(prefix() + id + "/" + role.key()));
            }
        }
        return keys;
    }

    private String prefix() {
        return switch (scope) {
            case SCHOOLS -> "school:";
            case YEAR_GROUPS -> "year:";
            case CLASSES -> "class:";
            case TRUST -> "";
        };
    }

    public static String trustKey(AudienceRole role) {
        return "trust/" + role.key();
    }

    public static String schoolKey(String schoolId, AudienceRole role) {
        return "school:" + schoolId + "/" + role.key();
    }

    public static String yearKey(String schoolId, String yearGroup, AudienceRole role) {
        return "year:" + schoolId + ":" + yearGroup + "/" + role.key();
    }

    public static String classKey(String classId, AudienceRole role) {
        return "class:" + classId + "/" + role.key();
    }
}
