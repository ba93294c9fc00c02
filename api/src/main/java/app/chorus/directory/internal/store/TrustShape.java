package app.chorus.directory.internal.store;

import app.chorus.directory.SchoolSummary;
import java.util.List;
import java.util.Map;

/** Schools and classes of the trust: small (thousands of classes), held in memory and reloaded after each import. */
public record TrustShape(long version, String trustName, Map<String, School> schools, Map<String, SchoolClass> classes) {

    public record School(String id, String name, String phase, List<String> yearGroups) {

        public SchoolSummary summary() {
            return new SchoolSummary(id, name, phase);
        }
    }

    public record SchoolClass(String id, String title, String classCode, String schoolId, String yearGroup,
                              List<String> teacherIds, int pupilCount) {
    }

    public static TrustShape empty() {
        return new TrustShape(-1, null, Map.of(), Map.of());
    }

    public boolean hasYearGroup(String schoolId, String yearGroup) {
        School school = schools.get(schoolId);
        return school != null && school.yearGroups().contains(yearGroup);
    }
}
