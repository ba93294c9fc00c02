package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.YearGroups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads and validates a whole OneRoster CSV file set (1.2, or 1.1 where the role is a users.csv column) in one
 * streaming pass per file, in reference order, so that every reference but self-references is checked as it is read.
 */
final class RosterReader {

    static final Set<String> ORG_TYPES = Set.of("department", "district", "local", "national", "school", "state");
    static final Set<String> CARER_ROLES = Set.of("guardian", "parent", "relative");
    static final Set<String> USER_ROLES = Set.of("aide", "administrator", "counselor", "districtAdministrator", "guardian",
        "parent", "principal", "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher");
    static final Set<String> ENROLLMENT_ROLES = Set.of("administrator", "proctor", "student", "teacher");
    static final Set<String> MODES = Set.of("bulk", "delta", "absent");
    static final List<String> FILES = List.of("orgs", "academicSessions", "users", "classes", "roles", "enrollments");

    private record PendingReference(String file, long line, String column, String id) {
    }

    private record DatedRow(CsvTable.Row row, Instant modified) {
    }

    private final Path dir;
    private final List<RosterProblem> problems = new ArrayList<>();
    private final List<ImportReport.Outdated> outdated = new ArrayList<>();
    private final Roster roster = new Roster();
    private final LongConsumer progress;
    private final Map<String, String> manifest = new HashMap<>();
    /** Files that could not be read: references to their rows are not checked (they would all look broken). */
    private final Set<String> unreadable = new HashSet<>();
    private long rows;

    RosterReader(Path dir, LongConsumer progress) {
        this(dir, progress, new Roster());
    }

    /**
     * Reads a file set on top of a source's stored rows: a {@code delta} file's rows replace the stored rows with their
     * sourcedIds (a {@code tobedeleted} row deletes), a {@code bulk} file replaces every stored row of its kind, and
     * references may point at stored rows.
     */
    RosterReader(Path dir, LongConsumer progress, Roster stored) {
        this.dir = dir;
        this.progress = progress;
        this.roster.add(stored);
    }

    /**
     * @param delta    whether any file of the set is a delta
     * @param outdated the delta rows skipped because the stored record was changed later
     */
    record Result(Roster roster, List<RosterProblem> problems, boolean delta, List<ImportReport.Outdated> outdated) {
    }

    Result read() {
        boolean readable = readManifest();
        if (readable) {
            readOrgs();
            readSessions();
            readUsers();
            readClasses();
            readRoles();
            readEnrollments();
            roster.keepLastOfEachId();
        }
        return new Result(roster, problems, readable && FILES.stream().anyMatch(file -> mode(file).equals("delta")), outdated);
    }

    /** Reads manifest.csv; false when it is missing or unreadable (the files it lists are then unknown). */
    private boolean readManifest() {
        Path path = dir.resolve("manifest.csv");
        CsvTable table = new CsvTable("manifest.csv", problems);
        if (!Files.isRegularFile(path)) {
            table.problem(0, null, "manifest.csv is missing",
                "export the whole OneRoster CSV set: manifest.csv says which of orgs, users, classes, enrollments... are present");
            return false;
        }
        boolean readable = table.rows(path, List.of("propertyName", "value"), row -> {
            String name = row.required("propertyName");
            String value = row.optional("value");
            if (name != null && value != null) {
                name = name.toLowerCase(Locale.ROOT);
                value = name.startsWith("file.") ? value.toLowerCase(Locale.ROOT) : value;
                manifest.put(name, value);
                if (name.startsWith("file.") && !MODES.contains(value)) {
                    row.problem("value", "'" + value + "' is not a file mode", "use bulk, delta or absent");
                }
            }
        });
        roster.version = manifest.getOrDefault("oneroster.version", "1.2");
        for (String file : FILES) {
            String mode = mode(file);
            boolean present = Files.isRegularFile(dir.resolve(file + ".csv"));
            boolean needed = !file.equals("roles") || !roster.version.startsWith("1.1");
            boolean stored = file.equals("orgs") ? !roster.orgs.isEmpty() : file.equals("users") && !roster.users.isEmpty();
            if (!mode.equals("absent") && !present) {
                table.problem(0, null, "manifest.csv says file." + file + "=" + mode + " but " + file + ".csv is not in the file set (or was uploaded empty)",
                    "add " + file + ".csv with its header row and data, or set file." + file + "=absent");
            } else if (needed && !stored && mode.equals("absent") && List.of("orgs", "users").contains(file)) {
                table.problem(0, null, "file." + file + " is absent, but Chorus needs " + file + ".csv",
                    "export " + file + ".csv and set file." + file + "=bulk in manifest.csv");
            }
        }
        return readable;
    }

    private String mode(String file) {
        return manifest.getOrDefault("file." + file.toLowerCase(Locale.ROOT), "absent");
    }

    private boolean present(String file) {
        return !"absent".equals(mode(file)) && Files.isRegularFile(dir.resolve(file + ".csv"));
    }

    /**
     * Reads one file. A bulk file's rows are taken in file order as they stream; a delta file's rows are changes,
     * applied in {@code dateLastModified} order (file order between equal dates), so the latest change to a record wins
     * wherever it stands in the file. Delta files are small (a day's changes): their rows are held until the file ends.
     */
    private void read(String file, List<String> required, Consumer<CsvTable.Row> each) {
        if (!present(file)) {
            return;
        }
        boolean delta = mode(file).equals("delta");
        if (!delta) {
            forget(file);
        }
        Map<String, Long> firstLine = new HashMap<>();
        List<DatedRow> changes = new ArrayList<>();
        boolean readable = new CsvTable(file + ".csv", problems).rows(dir.resolve(file + ".csv"), required, row -> {
            String id = row.required("sourcedId");
            Instant modified = row.dateTime("dateLastModified");
            if (delta) {
                if (change(row, id, modified, firstLine)) {
                    changes.add(new DatedRow(row, modified));
                }
            } else if (id != null && firstLine.putIfAbsent(id, row.line) != null) {
                row.problem("sourcedId", "sourcedId '" + id + "' appears twice (first on line " + firstLine.get(id) + ")",
                    "give every row its own sourcedId, or remove the repeated row");
            } else {
                take(row, each);
                dated(file, id, modified);
            }
        });
        changes.sort(Comparator.comparing(DatedRow::modified, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingLong(change -> change.row().line));
        changes.forEach(change -> {
            String id = change.row().optional("sourcedId");
            if (!older(file, change.row().line, id, change.modified())) {
                take(change.row(), each);
                dated(file, id, change.modified());
            }
        });
        if (!readable) {
            unreadable.add(file + ".csv");
        }
    }

    /**
     * Whether a delta row is a change to apply: a record may change more than once in a file, but once at a given
     * {@code dateLastModified} (rows without one come first), or which change wins is unknown. {@code changedAt}: the
     * line of each sourcedId@date seen.
     */
    private static boolean change(CsvTable.Row row, String id, Instant modified, Map<String, Long> changedAt) {
        Long first = id == null ? null : changedAt.putIfAbsent(id + "@" + modified, row.line);
        if (first != null) {
            row.problem("sourcedId", "sourcedId '" + id + "' changes twice " + (modified == null ? "without a dateLastModified" : "at " + modified)
                + " (first on line " + first + "): which change wins is unknown",
                "keep the row with the record's last state, or give each change its own dateLastModified (ISO 8601, e.g. 2026-09-01T08:00:00Z)");
            return false;
        }
        return true;
    }

    /**
     * Whether a delta row is older than the stored record it changes (both dated): it is then skipped and reported, so
     * a file that arrives late cannot undo a later change.
     */
    private boolean older(String file, long line, String id, Instant modified) {
        Instant stored = id == null || modified == null ? null : roster.modified.get(kind(file) + "/" + id);
        if (stored != null && modified.isBefore(stored)) {
            outdated.add(new ImportReport.Outdated(file + ".csv", line, id, modified, stored));
            return true;
        }
        return false;
    }

    private void dated(String file, String id, Instant modified) {
        if (id != null && modified != null) {
            roster.modified.put(kind(file) + "/" + id, modified);
        }
    }

    /** The roster's name for the rows of a file (academicSessions.csv holds sessions). */
    static String kind(String file) {
        return file.equals("academicSessions") ? "sessions" : file;
    }

    private void take(CsvTable.Row row, Consumer<CsvTable.Row> each) {
        each.accept(row);
        if (++rows % 10_000 == 0) {
            progress.accept(rows);
        }
    }

    /** A bulk file stands for every row of its kind: the stored ones it does not hold are gone. */
    private void forget(String file) {
        roster.modified.keySet().removeIf(key -> key.startsWith(kind(file) + "/"));
        switch (file) {
            case "orgs" -> roster.orgs.clear();
            case "academicSessions" -> roster.sessions.clear();
            case "users" -> {
                roster.users.clear();
                if (roster.version.startsWith("1.1")) {
                    roster.roles.clear();
                }
            }
            case "classes" -> roster.classes.clear();
            case "roles" -> roster.roles.clear();
            default -> roster.enrollments.clear();
        }
    }

    private void readOrgs() {
        List<PendingReference> parents = new ArrayList<>();
        read("orgs", List.of("sourcedId", "name", "type"), row -> {
            String parent = row.optional("parentSourcedId");
            Roster.Org org = new Roster.Org(row.optional("sourcedId"), row.deleted(), row.required("name"),
                row.oneOf("type", ORG_TYPES, true), row.optional("identifier"), parent);
            if (parent != null) {
                parents.add(new PendingReference("orgs.csv", row.line, "parentSourcedId", parent));
            }
            roster.orgs.put(org.id(), org);
            roster.orgLines.put(org.id(), row.line);
        });
        resolve(parents, roster.orgs.keySet(), "orgs.csv");
    }

    private void readSessions() {
        read("academicSessions", List.of("sourcedId", "title", "type", "startDate", "endDate", "schoolYear"), row -> {
            Roster.Session session = new Roster.Session(row.optional("sourcedId"), row.deleted(), row.required("title"),
                row.oneOf("type", Set.of("gradingPeriod", "semester", "schoolYear", "term"), true),
                row.date("startDate", true), row.date("endDate", true), row.required("schoolYear"));
            roster.sessions.put(session.id(), session);
        });
    }

    private void readUsers() {
        boolean roleColumn = roster.version.startsWith("1.1");
        List<String> required = roleColumn
            ? List.of("sourcedId", "enabledUser", "orgSourcedIds", "role", "givenName", "familyName")
            : List.of("sourcedId", "enabledUser", "givenName", "familyName");
        List<PendingReference> agents = new ArrayList<>();
        read("users", required, row -> {
            String id = row.optional("sourcedId");
            boolean accountDisabled = "false".equals(row.oneOf("enabledUser", Set.of("true", "false"), true));
            String grade = row.optional("grades");
            String yearGroup = grade == null ? null : YearGroups.fromGrade(grade.split(",")[0]);
            if (grade != null && yearGroup == null) {
                row.problem("grades", "'" + grade + "' is not a year group Chorus knows", "use " + YearGroups.ACCEPTED);
            }
            String primaryOrg = reference(row, "primaryOrgSourcedId", roster.orgs.keySet(), "orgs.csv");
            boolean deleted = row.deleted();
            if (roleColumn) {
                String role = row.oneOf("role", USER_ROLES, true);
                for (String org : row.list("orgSourcedIds")) {
                    if (checkReference(row, "orgSourcedIds", org, roster.orgs.keySet(), "orgs.csv") && role != null) {
                        roster.roles.add(new Roster.UserRole(id + "|" + org + "|" + role, id, deleted, role, org));
                    }
                }
            }
            List<String> agentIds = row.list("agentSourcedIds");
            agentIds.forEach(agent -> agents.add(new PendingReference("users.csv", row.line, "agentSourcedIds", agent)));
            Roster.User user = new Roster.User(id, deleted, row.optional("username"), row.required("givenName"),
                row.required("familyName"), row.optional("email"), List.copyOf(agentIds), yearGroup, primaryOrg,
                row.optional("metadata.preferredLanguage"), accountDisabled);
            roster.users.put(id, user);
        });
        resolve(agents, roster.users.keySet(), "users.csv");
    }

    private void readClasses() {
        read("classes", List.of("sourcedId", "title", "classType", "schoolSourcedId"), row -> {
            row.oneOf("classType", Set.of("homeroom", "scheduled"), true);
            String school = reference(row, "schoolSourcedId", roster.orgs.keySet(), "orgs.csv");
            if (school != null && !"school".equals(roster.orgs.get(school).type())) {
                row.problem("schoolSourcedId", "'" + school + "' is an org of type " + roster.orgs.get(school).type() + ", not a school",
                    "point schoolSourcedId at an org whose type is school");
            }
            for (String term : row.list("termSourcedIds")) {
                if (present("academicSessions")) {
                    checkReference(row, "termSourcedIds", term, roster.sessions.keySet(), "academicSessions.csv");
                }
            }
            String grade = row.optional("grades");
            String yearGroup = grade == null ? null : YearGroups.fromGrade(grade.split(",")[0]);
            if (grade != null && yearGroup == null) {
                row.problem("grades", "'" + grade + "' is not a year group Chorus knows", "use " + YearGroups.ACCEPTED);
            }
            Roster.SchoolClass schoolClass = new Roster.SchoolClass(row.optional("sourcedId"), row.deleted(),
                row.required("title"), row.optional("classCode"), yearGroup, school);
            roster.classes.put(schoolClass.id(), schoolClass);
        });
    }

    private void readRoles() {
        if (roster.version.startsWith("1.1")) {
            return;
        }
        read("roles", List.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"), row -> {
            row.oneOf("roleType", Set.of("primary", "secondary"), true);
            row.date("beginDate", false);
            row.date("endDate", false);
            String user = reference(row, "userSourcedId", roster.users.keySet(), "users.csv");
            String org = reference(row, "orgSourcedId", roster.orgs.keySet(), "orgs.csv");
            String role = row.oneOf("role", USER_ROLES, true);
            if (user != null && org != null && role != null) {
                roster.roles.add(new Roster.UserRole(row.optional("sourcedId"), user, row.deleted(), role, org));
            }
        });
    }

    private void readEnrollments() {
        read("enrollments", List.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"), row -> {
            row.date("beginDate", false);
            row.date("endDate", false);
            String schoolClass = reference(row, "classSourcedId", roster.classes.keySet(), "classes.csv");
            reference(row, "schoolSourcedId", roster.orgs.keySet(), "orgs.csv");
            String user = reference(row, "userSourcedId", roster.users.keySet(), "users.csv");
            String role = row.oneOf("role", ENROLLMENT_ROLES, true);
            if (schoolClass != null && user != null && role != null) {
                roster.enrollments.add(new Roster.Enrollment(row.optional("sourcedId"), schoolClass, row.deleted(), user, role));
            }
        });
    }

    private String reference(CsvTable.Row row, String column, Set<String> known, String target) {
        String id = row.optional(column);
        if (id == null) {
            return null;
        }
        return checkReference(row, column, id, known, target) ? id : null;
    }

    private boolean checkReference(CsvTable.Row row, String column, String id, Set<String> known, String target) {
        if (known.contains(id)) {
            return true;
        }
        if (unreadable.contains(target)) {
            return false;
        }
        row.problem(column, "'" + id + "' is not a sourcedId in " + target,
            "add '" + id + "' to " + target + " or correct the reference (sourcedIds are case-sensitive)");
        return false;
    }

    private void resolve(List<PendingReference> references, Set<String> known, String target) {
        for (PendingReference reference : references) {
            if (!known.contains(reference.id()) && !unreadable.contains(target)) {
                problems.add(new RosterProblem(reference.file(), reference.line(), reference.column(),
                    "'" + reference.id() + "' is not a sourcedId in " + target,
                    "add '" + reference.id() + "' to " + target + " or correct the reference (sourcedIds are case-sensitive)"));
            }
        }
    }
}
