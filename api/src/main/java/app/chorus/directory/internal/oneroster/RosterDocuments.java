package app.chorus.directory.internal.oneroster;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.internal.YearGroups;
import app.chorus.directory.internal.store.PersonNames;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bson.Document;

/**
 * The directory documents a roster stands for, built one at a time (never all in memory). Each carries a
 * {@code hash} of its content, so the import can tell unchanged documents from changed ones, and people carry
 * their precomputed {@code audienceKeys}.
 */
final class RosterDocuments {

    static final Set<String> STAFF_LEADER_ROLES = Set.of("principal", "siteAdministrator");

    /** The sourcedIds an import speaks for, per collection: only their documents are built, compared and deleted. */
    record Scope(Set<String> orgs, Set<String> sessions, Set<String> classes, Set<String> people) {

        static Scope of(Roster... rosters) {
            Scope scope = new Scope(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Roster roster : rosters) {
                scope.orgs.addAll(roster.orgs.keySet());
                scope.sessions.addAll(roster.sessions.keySet());
                scope.classes.addAll(roster.classes.keySet());
                scope.people.addAll(roster.users.keySet());
            }
            return scope;
        }
    }

    /**
     * Who holds each person besides the set: the set's source (for the people it holds live), the other sources holding
     * them live, and the kind the directory stored for people the rows give no role (ADR 0385).
     */
    record Holders(String sourceId, Set<String> heldLive, Map<String, Set<String>> elsewhere, Map<String, String> kinds) {

        static Holders none() {
            return new Holders(null, Set.of(), Map.of(), Map.of());
        }

        List<String> of(String personId) {
            TreeSet<String> sources = new TreeSet<>(elsewhere.getOrDefault(personId, Set.of()));
            if (sourceId != null && heldLive.contains(personId)) {
                sources.add(sourceId);
            }
            return new ArrayList<>(sources);
        }
    }

    /** The sources holding a person live, on each person document (ADR 0385). */
    static final String SOURCES = "rosterSources";

    private final Roster roster;
    private final Scope scope;
    private final Holders holders;
    private final Map<String, List<Roster.UserRole>> rolesOf = new HashMap<>();
    private final Map<String, List<Roster.Enrollment>> enrollmentsOf = new HashMap<>();
    private final Map<String, TreeSet<String>> teachersOf = new HashMap<>();
    private final Map<String, Integer> pupilsIn = new HashMap<>();
    private final Map<String, TreeSet<String>> pupilsOfCarer = new HashMap<>();
    private final Map<String, TreeSet<String>> carersOfPupil = new HashMap<>();
    private final Map<String, TreeSet<String>> yearGroupsOfSchool = new HashMap<>();

    RosterDocuments(Roster roster, Scope scope) {
        this(roster, scope, Holders.none());
    }

    RosterDocuments(Roster roster, Scope scope, Holders holders) {
        this.roster = roster;
        this.scope = scope;
        this.holders = holders;
        index();
    }

    private void index() {
        for (Roster.UserRole role : roster.roles) {
            if (!role.deleted() && live(roster.users.get(role.userId())) && live(roster.orgs.get(role.orgId()))) {
                rolesOf.computeIfAbsent(role.userId(), k -> new ArrayList<>()).add(role);
            }
        }
        for (Roster.Enrollment enrollment : roster.enrollments) {
            if (enrollment.deleted() || !live(roster.users.get(enrollment.userId())) || !live(roster.classes.get(enrollment.classId()))) {
                continue;
            }
            enrollmentsOf.computeIfAbsent(enrollment.userId(), k -> new ArrayList<>()).add(enrollment);
            if (enrollment.role().equals("teacher")) {
                teachersOf.computeIfAbsent(enrollment.classId(), k -> new TreeSet<>()).add(enrollment.userId());
            } else if (enrollment.role().equals("student")) {
                pupilsIn.merge(enrollment.classId(), 1, Integer::sum);
            }
        }
        for (Roster.User user : roster.users.values()) {
            if (!live(user)) {
                continue;
            }
            String kind = kindOf(user);
            for (String agent : user.agentIds()) {
                Roster.User other = roster.users.get(agent);
                if (!live(other)) {
                    continue;
                }
                if (kind.equals("carer") && kindOf(other).equals("pupil")) {
                    link(user.id(), agent);
                } else if (kind.equals("pupil") && kindOf(other).equals("carer")) {
                    link(agent, user.id());
                }
            }
        }
        for (Roster.SchoolClass schoolClass : roster.classes.values()) {
            if (live(schoolClass) && schoolClass.grade() != null && live(roster.orgs.get(schoolClass.schoolId()))) {
                yearGroupsOfSchool.computeIfAbsent(schoolClass.schoolId(), k -> new TreeSet<>()).add(schoolClass.grade());
            }
        }
    }

    private void link(String carerId, String pupilId) {
        pupilsOfCarer.computeIfAbsent(carerId, k -> new TreeSet<>()).add(pupilId);
        carersOfPupil.computeIfAbsent(pupilId, k -> new TreeSet<>()).add(carerId);
    }

    private static boolean live(Roster.Org org) {
        return org != null && !org.deleted();
    }

    private static boolean live(Roster.User user) {
        return user != null && !user.deleted();
    }

    private static boolean live(Roster.SchoolClass schoolClass) {
        return schoolClass != null && !schoolClass.deleted();
    }

    String kindOf(Roster.User user) {
        List<Roster.UserRole> roles = rolesOf.getOrDefault(user.id(), List.of());
        if (roles.stream().anyMatch(r -> r.role().equals("student"))) {
            return "pupil";
        }
        if (roles.stream().anyMatch(r -> RosterReader.CARER_ROLES.contains(r.role()))) {
            return "carer";
        }
        if (roles.isEmpty()) {
            List<Roster.Enrollment> enrollments = enrollmentsOf.getOrDefault(user.id(), List.of());
            if (user.grade() != null || enrollments.stream().anyMatch(e -> e.role().equals("student"))) {
                return "pupil";
            }
            return holders.kinds().getOrDefault(user.id(), "staff");
        }
        return "staff";
    }

    Stream<Document> orgs() {
        return roster.orgs.values().stream().filter(RosterDocuments::live).filter(org -> scope.orgs().contains(org.id())).map(org -> {
            Document doc = new Document("_id", org.id())
                .append("type", org.type().equals("district") ? "trust" : org.type())
                .append("name", org.name())
                .append("identifier", org.identifier())
                .append("parentId", org.parentId());
            if (org.type().equals("school")) {
                List<String> years = sortedYears(yearGroupsOfSchool.getOrDefault(org.id(), new TreeSet<>()));
                doc.append("yearGroups", years).append("phase", YearGroups.phase(years));
            }
            return hashed(doc);
        });
    }

    Stream<Document> sessions() {
        return roster.sessions.values().stream().filter(s -> !s.deleted() && scope.sessions().contains(s.id())).map(s -> hashed(new Document("_id", s.id())
            .append("title", s.title()).append("type", s.type()).append("startDate", s.startDate())
            .append("endDate", s.endDate()).append("schoolYear", s.schoolYear())));
    }

    Stream<Document> classes() {
        return roster.classes.values().stream().filter(RosterDocuments::live).filter(c -> scope.classes().contains(c.id()))
            .filter(c -> live(roster.orgs.get(c.schoolId())))
            .map(c -> hashed(new Document("_id", c.id())
                .append("title", c.title()).append("classCode", c.classCode()).append("schoolId", c.schoolId())
                .append("yearGroup", c.grade())
                .append("teacherIds", new ArrayList<>(teachersOf.getOrDefault(c.id(), new TreeSet<>())))
                .append("pupilCount", pupilsIn.getOrDefault(c.id(), 0))));
    }

    Stream<Document> people() {
        return roster.users.values().stream().filter(RosterDocuments::live).filter(user -> scope.people().contains(user.id())).map(user -> {
            Document doc = new Document("_id", user.id())
                .append("kind", kindOf(user))
                .append("givenName", user.givenName()).append("familyName", user.familyName())
                .append(PersonNames.KEYS, PersonNames.keys(user.givenName(), user.familyName()))
                .append(PersonNames.SORT, PersonNames.sortKey(user.givenName(), user.familyName()))
                .append("email", user.email()).append("username", user.username())
                .append("preferredLanguage", user.preferredLanguage());
            if (user.accountDisabled()) {
                doc.append("accountDisabled", true);
            }
            switch (kindOf(user)) {
                case "pupil" -> pupil(user, doc);
                case "carer" -> carer(user, doc);
                default -> staff(user, doc);
            }
            return hashed(doc.append(SOURCES, holders.of(user.id())));
        });
    }

    /** A pupil's school, year group and classes: the facts their own and their carers' audience keys come from. */
    private record Placement(String schoolId, String yearGroup, List<String> classIds) {
    }

    private Placement placementOf(Roster.User pupil) {
        List<String> classIds = new ArrayList<>();
        String school = null;
        String year = pupil.grade();
        for (Roster.Enrollment enrollment : enrollmentsOf.getOrDefault(pupil.id(), List.of())) {
            if (enrollment.role().equals("student")) {
                Roster.SchoolClass schoolClass = roster.classes.get(enrollment.classId());
                classIds.add(schoolClass.id());
                school = school == null ? schoolClass.schoolId() : school;
                year = year == null ? schoolClass.grade() : year;
            }
        }
        for (Roster.UserRole role : rolesOf.getOrDefault(pupil.id(), List.of())) {
            if (role.role().equals("student") && "school".equals(roster.orgs.get(role.orgId()).type())) {
                school = role.orgId();
                break;
            }
        }
        if (school == null && pupil.primaryOrgId() != null && live(roster.orgs.get(pupil.primaryOrgId()))) {
            school = pupil.primaryOrgId();
        }
        classIds.sort(null);
        return new Placement(school, year, classIds);
    }

    private void pupil(Roster.User user, Document doc) {
        Placement placement = placementOf(user);
        TreeSet<String> keys = new TreeSet<>();
        addKeys(keys, placement, AudienceRole.PUPILS);
        doc.append("schoolIds", placement.schoolId() == null ? List.of() : List.of(placement.schoolId()))
            .append("yearGroup", placement.yearGroup())
            .append("classIds", placement.classIds())
            .append("carerIds", new ArrayList<>(carersOfPupil.getOrDefault(user.id(), new TreeSet<>())))
            .append("audienceKeys", new ArrayList<>(keys));
    }

    private void carer(Roster.User user, Document doc) {
        TreeSet<String> keys = new TreeSet<>();
        TreeSet<String> schools = new TreeSet<>();
        List<Document> children = new ArrayList<>();
        keys.add(Audience.trustKey(AudienceRole.CARERS));
        for (String pupilId : pupilsOfCarer.getOrDefault(user.id(), new TreeSet<>())) {
            Roster.User pupil = roster.users.get(pupilId);
            Placement placement = placementOf(pupil);
            addKeys(keys, placement, AudienceRole.CARERS);
            if (placement.schoolId() != null) {
                schools.add(placement.schoolId());
            }
            children.add(new Document("pupilId", pupilId).append("givenName", pupil.givenName())
                .append("familyName", pupil.familyName()).append("schoolId", placement.schoolId())
                .append("yearGroup", placement.yearGroup()).append("classIds", placement.classIds())
                .append("relationship", relationship(user, placement.schoolId())));
        }
        doc.append("schoolIds", new ArrayList<>(schools)).append("children", children)
            .append("audienceKeys", new ArrayList<>(keys));
    }

    /** The carer's role (parent, guardian, relative) at the child's school, else at any org; parent before the others. */
    private String relationship(Roster.User carer, String schoolId) {
        List<Roster.UserRole> roles = rolesOf.getOrDefault(carer.id(), List.of()).stream()
            .filter(role -> RosterReader.CARER_ROLES.contains(role.role())).toList();
        return roles.stream().filter(role -> role.orgId().equals(schoolId)).findFirst().or(() -> roles.stream().findFirst())
            .map(Roster.UserRole::role).orElse(null);
    }

    private void staff(Roster.User user, Document doc) {
        TreeSet<String> keys = new TreeSet<>();
        TreeSet<String> schools = new TreeSet<>();
        TreeSet<String> led = new TreeSet<>();
        List<Document> roles = new ArrayList<>();
        boolean trustLevel = false;
        keys.add(Audience.trustKey(AudienceRole.STAFF));
        for (Roster.UserRole role : rolesOf.getOrDefault(user.id(), List.of())) {
            Roster.Org org = roster.orgs.get(role.orgId());
            roles.add(new Document("orgId", org.id()).append("role", role.role()));
            if (org.type().equals("school")) {
                schools.add(org.id());
                keys.add(Audience.schoolKey(org.id(), AudienceRole.STAFF));
                if (STAFF_LEADER_ROLES.contains(role.role())) {
                    led.add(org.id());
                }
            } else {
                trustLevel = true;
            }
        }
        List<String> teaches = new ArrayList<>();
        for (Roster.Enrollment enrollment : enrollmentsOf.getOrDefault(user.id(), List.of())) {
            if (enrollment.role().equals("teacher")) {
                Roster.SchoolClass schoolClass = roster.classes.get(enrollment.classId());
                teaches.add(schoolClass.id());
                schools.add(schoolClass.schoolId());
                keys.add(Audience.schoolKey(schoolClass.schoolId(), AudienceRole.STAFF));
                keys.add(Audience.classKey(schoolClass.id(), AudienceRole.STAFF));
                if (schoolClass.grade() != null) {
                    keys.add(Audience.yearKey(schoolClass.schoolId(), schoolClass.grade(), AudienceRole.STAFF));
                }
            }
        }
        teaches.sort(null);
        roles.sort(java.util.Comparator.comparing((Document d) -> d.getString("orgId")).thenComparing(d -> d.getString("role")));
        doc.append("schoolIds", new ArrayList<>(schools)).append("leadsSchoolIds", new ArrayList<>(led))
            .append("trustLevel", trustLevel).append("roles", roles).append("classIds", teaches)
            .append("audienceKeys", new ArrayList<>(keys));
    }

    private static void addKeys(Set<String> keys, Placement placement, AudienceRole role) {
        keys.add(Audience.trustKey(role));
        if (placement.schoolId() != null) {
            keys.add(Audience.schoolKey(placement.schoolId(), role));
            if (placement.yearGroup() != null) {
                keys.add(Audience.yearKey(placement.schoolId(), placement.yearGroup(), role));
            }
        }
        placement.classIds().forEach(id -> keys.add(Audience.classKey(id, role)));
    }

    private static List<String> sortedYears(Set<String> years) {
        return years.stream().sorted(java.util.Comparator.comparingInt(YearGroups::rank)).toList();
    }

    static Document hashed(Document doc) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(doc.toJson().getBytes(StandardCharsets.UTF_8));
            return doc.append("hash", Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
