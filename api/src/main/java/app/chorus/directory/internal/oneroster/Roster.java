package app.chorus.directory.internal.oneroster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/** The rows of one OneRoster file set that Chorus needs, keyed by sourcedId; only what the directory keeps. */
final class Roster {

    record Org(String id, boolean deleted, String name, String type, String identifier, String parentId) {
    }

    record Session(String id, boolean deleted, String title, String type, String startDate, String endDate,
                   String schoolYear) {
    }

    record User(String id, boolean deleted, String username, String givenName, String familyName, String email,
                List<String> agentIds, String grade, String primaryOrgId, String preferredLanguage, boolean accountDisabled) {
    }

    record SchoolClass(String id, boolean deleted, String title, String classCode, String grade, String schoolId) {
    }

    /** A role; {@code id} is its sourcedId in roles.csv (1.2), or user|org|role for a users.csv column (1.1). */
    record UserRole(String id, String userId, boolean deleted, String role, String orgId) {
    }

    record Enrollment(String id, String classId, boolean deleted, String userId, String role) {
    }

    final Map<String, Org> orgs = new LinkedHashMap<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, SchoolClass> classes = new LinkedHashMap<>();
    final List<UserRole> roles = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();
    /** The dateLastModified of each row that gave one, by {@code kind/sourcedId} (kind: orgs, sessions, users...). */
    final Map<String, Instant> modified = new HashMap<>();
    /** The line of each org in orgs.csv, to point problems about ownership at it. */
    final Map<String, Long> orgLines = new HashMap<>();
    String version = "1.2";

    /** The schools this file set speaks for (every school org in its orgs.csv, whatever its status). */
    Set<String> schools() {
        Set<String> schools = new TreeSet<>();
        orgs.values().stream().filter(org -> org.type().equals("school")).forEach(org -> schools.add(org.id()));
        return schools;
    }

    /**
     * Adds another file set's rows: its records replace these by sourcedId, except that a person in both stays
     * live if either says so and keeps the agents (carers, children) of both.
     */
    void add(Roster other) {
        orgs.putAll(other.orgs);
        sessions.putAll(other.sessions);
        classes.putAll(other.classes);
        other.users.values().forEach(user -> users.merge(user.id(), user, Roster::both));
        roles.addAll(other.roles);
        enrollments.addAll(other.enrollments);
        modified.putAll(other.modified);
        keepLastOfEachId();
    }

    /** Roles and enrollments given twice (in two sets, or by a delta row) count once: the last one given. */
    void keepLastOfEachId() {
        keepLast(roles, UserRole::id);
        keepLast(enrollments, Enrollment::id);
    }

    private static <T> void keepLast(List<T> rows, Function<T, String> id) {
        Map<String, T> last = new LinkedHashMap<>();
        rows.forEach(row -> {
            last.remove(id.apply(row));
            last.put(id.apply(row), row);
        });
        rows.clear();
        rows.addAll(last.values());
    }

    private static User both(User before, User after) {
        Set<String> agents = new LinkedHashSet<>(before.agentIds());
        agents.addAll(after.agentIds());
        return new User(after.id(), before.deleted() && after.deleted(), after.username(), after.givenName(), after.familyName(),
            after.email(), List.copyOf(agents), after.grade(), after.primaryOrgId(), after.preferredLanguage(),
            after.accountDisabled());
    }
}
