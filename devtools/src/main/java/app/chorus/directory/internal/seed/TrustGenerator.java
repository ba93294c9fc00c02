package app.chorus.directory.internal.seed;

import app.chorus.directory.internal.YearGroups;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Generates a realistic synthetic trust as a OneRoster 1.2 CSV file set, deterministically (fixed random seed),
 * streaming rows to disk. Whatever the size, it contains the demo people of the Keycloak realm: the trust leader,
 * the heads of Oakfield Primary (sch-001) and Riverside Academy (sch-002), a teacher of two Oakfield classes, the
 * safeguarding lead, the privacy officer, and the carer Sarah Bennett with Oliver at Oakfield and a child at Riverside.
 */
public final class TrustGenerator {

    public static final String TRUST_ID = "trust";
    static final String UPDATED = "2026-09-01T07:00:00Z";
    static final String SESSION = "as-2026-27";
    static final int CLASS_SIZE = 30;

    private final int schoolCount;
    private final int pupilCount;
    private final Random random = new Random(20260901L);
    private final List<School> schools = new ArrayList<>();
    private final List<SchoolClass> classes = new ArrayList<>();
    /** Pupil index -> class index. */
    private int[] classOfPupil;
    private int enrollments;
    private int firstAtRiverside;
    private int roles;

    record School(String id, String name, boolean secondary, int pupils) {
    }

    record SchoolClass(String id, String title, int school, String yearGroup, int firstPupil, int size) {
    }

    public TrustGenerator(int schools, int pupils) {
        this.schoolCount = Math.max(2, schools);
        this.pupilCount = Math.max(this.schoolCount * 14, pupils);
    }

    /** Writes manifest.csv and the OneRoster files into {@code dir}. */
    public void write(Path dir, Consumer<String> progress) throws IOException {
        planSchools();
        planClasses();
        progress.accept("generating " + schools.size() + " schools, " + classes.size() + " classes, " + pupilCount + " pupils");
        writeManifest(dir);
        writeOrgsAndSessions(dir);
        try (CsvWriter users = new CsvWriter(dir.resolve("users.csv"), "sourcedId", "status", "dateLastModified", "enabledUser",
                 "username", "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                 "agentSourcedIds", "grades", "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
                 "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns");
             CsvWriter roleRows = new CsvWriter(dir.resolve("roles.csv"), "sourcedId", "status", "dateLastModified",
                 "userSourcedId", "roleType", "role", "beginDate", "endDate", "orgSourcedId", "userProfileSourcedId");
             CsvWriter enrollmentRows = new CsvWriter(dir.resolve("enrollments.csv"), "sourcedId", "status", "dateLastModified",
                 "classSourcedId", "schoolSourcedId", "userSourcedId", "role", "primary", "beginDate", "endDate")) {
            writeClasses(dir);
            writeStaff(users, roleRows, enrollmentRows);
            String[] familyNames = writeCarers(users, roleRows, progress);
            writePupils(users, roleRows, enrollmentRows, familyNames, progress);
        }
        progress.accept("generated " + pupilCount + " pupils, " + enrollments + " enrollments, " + roles + " roles");
    }

    private void planSchools() {
        int weights = 0;
        for (int i = 0; i < schoolCount; i++) {
            weights += secondary(i) ? 2 : 1;
        }
        int left = pupilCount;
        for (int i = 0; i < schoolCount; i++) {
            int share = i == schoolCount - 1 ? left : pupilCount * (secondary(i) ? 2 : 1) / weights;
            left -= share;
            schools.add(new School(String.format("sch-%03d", i + 1), schoolName(i), secondary(i), share));
        }
    }

    private static boolean secondary(int index) {
        return index == 1 || index > 1 && index % 4 == 3;
    }

    private static String schoolName(int index) {
        if (index == 0) {
            return "Oakfield Primary";
        }
        if (index == 1) {
            return "Riverside Academy";
        }
        int n = index - 2;
        String place = UkNames.PLACES.get(n % UkNames.PLACES.size());
        String town = UkNames.TOWNS.get((n / UkNames.PLACES.size()) % UkNames.TOWNS.size());
        List<String> suffixes = secondary(index) ? UkNames.SECONDARY : UkNames.PRIMARY;
        String name = place + (town.isEmpty() ? "" : " " + town) + suffixes.get(n % suffixes.size());
        int round = n / (UkNames.PLACES.size() * UkNames.TOWNS.size());
        return round == 0 ? name : name + " " + (round + 1);
    }

    /** Year groups by phase, forms of about 30, pupils numbered school by school, year by year, form by form. */
    private void planClasses() {
        classOfPupil = new int[pupilCount];
        int pupil = 0;
        for (int s = 0; s < schools.size(); s++) {
            School school = schools.get(s);
            List<String> years = school.secondary() ? YearGroups.ORDER.subList(7, 14) : YearGroups.ORDER.subList(0, 7);
            int leftInSchool = school.pupils();
            for (int y = 0; y < years.size(); y++) {
                int inYear = y == years.size() - 1 ? leftInSchool : school.pupils() / years.size();
                leftInSchool -= inYear;
                int forms = Math.max(1, (inYear + CLASS_SIZE - 1) / CLASS_SIZE);
                for (int f = 0; f < forms; f++) {
                    int size = inYear / forms + (f < inYear % forms ? 1 : 0);
                    String title = formName(years.get(y), f, school.secondary());
                    classes.add(new SchoolClass("cls-" + school.id().substring(4) + "-" + title, title, s, years.get(y), pupil, size));
                    for (int i = 0; i < size; i++) {
                        classOfPupil[pupil++] = classes.size() - 1;
                    }
                }
            }
        }
    }

    private static String formName(String yearGroup, int form, boolean secondary) {
        String year = yearGroup.equals("R") ? "R" : yearGroup.substring(1);
        if (secondary) {
            return year + (form % 2 == 0 ? "X" : "Y") + (form / 2 + 1);
        }
        return year + "BOMKSHTW".charAt(form % 8) + (form >= 8 ? String.valueOf(form / 8 + 1) : "");
    }

    private void writeManifest(Path dir) throws IOException {
        try (CsvWriter manifest = new CsvWriter(dir.resolve("manifest.csv"), "propertyName", "value")) {
            manifest.row("manifest.version", "1.0");
            manifest.row("oneroster.version", "1.2");
            for (String file : List.of("academicSessions", "categories", "classes", "classResources", "courses",
                "courseResources", "demographics", "enrollments", "lineItemLearningObjectiveIds", "lineItems",
                "lineItemScoreScales", "orgs", "resources", "results", "roles", "scoreScales", "userProfiles", "users")) {
                boolean present = List.of("academicSessions", "classes", "enrollments", "orgs", "roles", "users").contains(file);
                manifest.row("file." + file, present ? "bulk" : "absent");
            }
            manifest.row("source.systemName", "Chorus seed");
            manifest.row("source.systemCode", "chorus-seed");
        }
    }

    private void writeOrgsAndSessions(Path dir) throws IOException {
        try (CsvWriter orgs = new CsvWriter(dir.resolve("orgs.csv"), "sourcedId", "status", "dateLastModified", "name", "type",
            "identifier", "parentSourcedId")) {
            orgs.row(TRUST_ID, "active", UPDATED, "Northern Lights Learning Trust", "district", "TR0001", "");
            for (int i = 0; i < schools.size(); i++) {
                School school = schools.get(i);
                orgs.row(school.id(), "active", UPDATED, school.name(), "school", String.valueOf(100000 + i * 37), TRUST_ID);
            }
        }
        try (CsvWriter sessions = new CsvWriter(dir.resolve("academicSessions.csv"), "sourcedId", "status", "dateLastModified",
            "title", "type", "startDate", "endDate", "parentSourcedId", "schoolYear")) {
            sessions.row(SESSION, "active", UPDATED, "2026 to 2027", "schoolYear", "2026-09-01", "2027-07-22", "", "2027");
        }
    }

    private void writeClasses(Path dir) throws IOException {
        try (CsvWriter rows = new CsvWriter(dir.resolve("classes.csv"), "sourcedId", "status", "dateLastModified", "title",
            "grades", "courseSourcedId", "classCode", "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects",
            "subjectCodes", "periods")) {
            for (SchoolClass c : classes) {
                rows.row(c.id(), "active", UPDATED, c.title(), YearGroups.toGrade(c.yearGroup()), "", c.title(), "homeroom", "",
                    schools.get(c.school()).id(), SESSION, "", "", "");
            }
        }
    }

    private record Demo(String id, String username, String given, String family, String role, String org) {
    }

    private static final List<Demo> DEMO_STAFF = List.of(
        new Demo("stf-00001", "leader.trust", "Amelia", "Hart", "districtAdministrator", TRUST_ID),
        new Demo("stf-00002", "head.oakfield", "Daniel", "Okafor", "principal", "sch-001"),
        new Demo("stf-00003", "teacher.oakfield", "Priya", "Shah", "teacher", "sch-001"),
        new Demo("stf-00004", "safeguarding.oakfield", "Grace", "Mensah", "counselor", "sch-001"),
        new Demo("stf-00005", "privacy.trust", "Tom", "Whitfield", "districtAdministrator", TRUST_ID),
        new Demo("stf-00006", "head.riverside", "Hannah", "Lewis", "principal", "sch-002"));

    /** The demo staff, a head for every other school, a form tutor per class (stf-00003 tutors Oakfield's first two) and support staff. */
    private void writeStaff(CsvWriter users, CsvWriter roleRows, CsvWriter enrollmentRows) {
        for (Demo demo : DEMO_STAFF) {
            user(users, demo.id(), demo.username(), demo.given(), demo.family(), "", "", demo.org());
            role(roleRows, demo.id(), demo.role(), demo.org());
        }
        int next = DEMO_STAFF.size() + 1;
        for (int s = 2; s < schools.size(); s++) {
            next = staffMember(users, roleRows, next, "principal", schools.get(s).id());
        }
        for (int c = 0; c < classes.size(); c++) {
            SchoolClass schoolClass = classes.get(c);
            String teacher;
            if (schoolClass.school() == 0 && c < 2) {
                teacher = "stf-00003";
            } else {
                teacher = staffId(next);
                next = staffMember(users, roleRows, next, "teacher", schools.get(schoolClass.school()).id());
            }
            enrollment(enrollmentRows, schoolClass, teacher, "teacher");
        }
        for (School school : schools) {
            for (int i = 0; i < 2; i++) {
                next = staffMember(users, roleRows, next, "aide", school.id());
            }
        }
    }

    private int staffMember(CsvWriter users, CsvWriter roleRows, int number, String role, String schoolId) {
        String id = staffId(number);
        String given = pick(UkNames.GIVEN);
        String family = pick(UkNames.FAMILY);
        user(users, id, null, given, family, "", "", schoolId);
        role(roleRows, id, role, schoolId);
        return number + 1;
    }

    private static String staffId(int number) {
        return String.format("stf-%05d", number);
    }

    /**
     * Families: mostly one child, some two (the second often at another school); one or two carers each.
     * Family 0 is Sarah Bennett with Oliver (pupil 1, Oakfield) and a child at Riverside. Returns each pupil's family name.
     */
    private String[] writeCarers(CsvWriter users, CsvWriter roleRows, Consumer<String> progress) {
        String[] familyNameOfPupil = new String[pupilCount];
        int[] order = shuffledPupils();
        boolean[] placed = new boolean[pupilCount];
        firstAtRiverside = classes.stream().filter(c -> c.school() == 1).findFirst().orElseThrow().firstPupil();
        int carer = 1;
        carer = family(users, roleRows, carer, new int[] {0, firstAtRiverside}, "Bennett", familyNameOfPupil, placed, true);
        int cursor = 0;
        while (cursor < order.length) {
            int first = order[cursor++];
            if (placed[first]) {
                continue;
            }
            List<Integer> children = new ArrayList<>(List.of(first));
            if (random.nextInt(100) < 15) {
                while (cursor < order.length && placed[order[cursor]]) {
                    cursor++;
                }
                if (cursor < order.length) {
                    children.add(order[cursor++]);
                }
            }
            carer = family(users, roleRows, carer, children.stream().mapToInt(Integer::intValue).toArray(),
                pick(UkNames.FAMILY), familyNameOfPupil, placed, false);
            if (carer % 20_000 == 0) {
                progress.accept("generated " + carer + " carers");
            }
        }
        return familyNameOfPupil;
    }

    private int family(CsvWriter users, CsvWriter roleRows, int carer, int[] children, String familyName,
                       String[] familyNameOfPupil, boolean[] placed, boolean demo) {
        StringBuilder agents = new StringBuilder();
        for (int child : children) {
            placed[child] = true;
            familyNameOfPupil[child] = familyName;
            agents.append(agents.length() == 0 ? "" : ",").append(pupilId(child));
        }
        int carers = demo || random.nextInt(100) < 90 ? 2 : 1;
        for (int i = 0; i < carers; i++) {
            String id = String.format("car-%06d", carer++);
            String given = demo ? (i == 0 ? "Sarah" : "James") : pick(UkNames.GIVEN);
            String family = i == 1 && !demo && random.nextInt(100) < 30 ? pick(UkNames.FAMILY) : familyName;
            String school = schools.get(classes.get(classOfPupil[children[0]]).school()).id();
            user(users, id, demo && i == 0 ? "carer.demo" : null, given, family, agents.toString(), "", school);
            role(roleRows, id, i == 0 ? "parent" : random.nextInt(10) == 0 ? "guardian" : "parent", school);
        }
        return carer;
    }

    private int[] shuffledPupils() {
        int[] order = new int[pupilCount];
        for (int i = 0; i < pupilCount; i++) {
            order[i] = i;
        }
        for (int i = pupilCount - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private void writePupils(CsvWriter users, CsvWriter roleRows, CsvWriter enrollmentRows, String[] familyNames,
                             Consumer<String> progress) {
        for (int p = 0; p < pupilCount; p++) {
            SchoolClass schoolClass = classes.get(classOfPupil[p]);
            String school = schools.get(schoolClass.school()).id();
            String given = p == 0 ? "Oliver" : p == firstAtRiverside ? "Emily" : pick(UkNames.GIVEN);
            user(users, pupilId(p), p == 0 ? "pupil.demo" : null, given, familyNames[p], "", YearGroups.toGrade(schoolClass.yearGroup()), school);
            role(roleRows, pupilId(p), "student", school);
            enrollment(enrollmentRows, schoolClass, pupilId(p), "student");
            if ((p + 1) % 20_000 == 0) {
                progress.accept("generated " + (p + 1) + " pupils");
            }
        }
    }

    private static String pupilId(int index) {
        return String.format("pup-%06d", index + 1);
    }

    private void user(CsvWriter users, String id, String username, String given, String family, String agents, String grade,
                      String primaryOrg) {
        String login = username != null ? username : id;
        String email = id.startsWith("pup-") ? "" : login + "@" + (id.startsWith("car-") ? "example.org" : "northernlights.sch.uk");
        users.row(id, "active", UPDATED, "true", login, "", given, family, "", "", email, "", "", agents, grade, "", "", "",
            "", "", "", primaryOrg, "");
    }

    private void role(CsvWriter roleRows, String userId, String role, String orgId) {
        roleRows.row(String.format("rol-%07d", ++roles), "active", UPDATED, userId, "primary", role, "2026-09-01", "", orgId, "");
    }

    private void enrollment(CsvWriter enrollmentRows, SchoolClass schoolClass, String userId, String role) {
        enrollmentRows.row(String.format("enr-%07d", ++enrollments), "active", UPDATED, schoolClass.id(),
            schools.get(schoolClass.school()).id(), userId, role, role.equals("teacher") ? "true" : "", "2026-09-01", "");
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }
}
