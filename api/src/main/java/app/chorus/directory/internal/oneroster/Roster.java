package app.chorus.directory.internal.oneroster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of one OneRoster file set that Chorus needs, keyed by sourcedId; only what the directory keeps. */
final class Roster {

    record Org(String id, boolean deleted, String name, String type, String identifier, String parentId) {
    }

    record Session(String id, boolean deleted, String title, String type, String startDate, String endDate,
                   String schoolYear) {
    }

    record User(String id, boolean deleted, String username, String givenName, String familyName, String email,
                List<String> agentIds, String grade, String primaryOrgId, String preferredLanguage) {
    }

    record SchoolClass(String id, boolean deleted, String title, String classCode, String grade, String schoolId) {
    }

    record UserRole(String userId, boolean deleted, String role, String orgId) {
    }

    record Enrollment(String classId, boolean deleted, String userId, String role) {
    }

    final Map<String, Org> orgs = new LinkedHashMap<>();
    final Map<String, Session> sessions = new LinkedHashMap<>();
    final Map<String, User> users = new LinkedHashMap<>();
    final Map<String, SchoolClass> classes = new LinkedHashMap<>();
    final List<UserRole> roles = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();
    String version = "1.2";
}
