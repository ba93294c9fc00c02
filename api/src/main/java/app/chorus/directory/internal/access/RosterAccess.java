package app.chorus.directory.internal.access;

import app.chorus.directory.Access;
import app.chorus.directory.Audience;
import app.chorus.directory.internal.store.Person;
import app.chorus.directory.internal.store.TrustShape;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Problem;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules, rule by rule. Roles say what kind of person this is (from the token); the roster says where
 * (which schools they work in or lead, which classes they teach, where their children are).
 *
 * <ul>
 *   <li>trust leader, trust admin, privacy officer: read the whole trust</li>
 *   <li>school leader, safeguarding lead, staff: read the schools where they work (roster)</li>
 *   <li>carer: read their children's schools; address nothing</li>
 *   <li>pupil: read their own school; address nothing</li>
 *   <li>address: trust leaders any audience; school leaders audiences inside the schools they lead; staff only
 *   their own classes, and that needs a leader's approval</li>
 *   <li>approve: leaders of every school concerned; trust leaders anything, and only they trust-wide audiences</li>
 *   <li>import the roster: trust admins</li>
 * </ul>
 */
public final class RosterAccess implements Access {

    private final CurrentUser user;
    private final TrustShape shape;
    private final boolean trustWide;
    private final Set<String> schools;
    private final Set<String> leads;
    private final Set<String> teaches;

    public RosterAccess(CurrentUser user, Person person, TrustShape shape) {
        this.user = user;
        this.shape = shape;
        this.trustWide = user.hasAny(Role.TRUST_LEADER, Role.TRUST_ADMIN, Role.PRIVACY_OFFICER);
        this.schools = trustWide ? Set.copyOf(shape.schools().keySet()) : schoolsOf(user, person);
        this.leads = leadsOf(user, person, shape);
        this.teaches = person != null && "staff".equals(person.kind()) && user.has(Role.STAFF)
            ? Set.copyOf(person.classIds()) : Set.of();
    }

    private static Set<String> schoolsOf(CurrentUser user, Person person) {
        if (person == null) {
            return Set.of();
        }
        Set<String> reach = new TreeSet<>();
        boolean staffKind = "staff".equals(person.kind());
        if (staffKind && user.hasAny(Role.SCHOOL_LEADER, Role.SAFEGUARDING_LEAD, Role.STAFF)) {
            reach.addAll(person.schoolIds());
        }
        if ("carer".equals(person.kind()) && user.has(Role.CARER)) {
            person.children().forEach(child -> {
                if (child.schoolId() != null) {
                    reach.add(child.schoolId());
                }
            });
        }
        if ("pupil".equals(person.kind()) && user.has(Role.PUPIL)) {
            reach.addAll(person.schoolIds());
        }
        return Collections.unmodifiableSet(reach);
    }

    private static Set<String> leadsOf(CurrentUser user, Person person, TrustShape shape) {
        if (user.has(Role.TRUST_LEADER)) {
            return Set.copyOf(shape.schools().keySet());
        }
        if (!user.has(Role.SCHOOL_LEADER) || person == null || !"staff".equals(person.kind())) {
            return Set.of();
        }
        // The roster names the school a head leads (principal/siteAdministrator); without such a role, the token's
        // school-leader role applies to the schools where they work.
        return Set.copyOf(person.leadsSchoolIds().isEmpty() ? person.schoolIds() : person.leadsSchoolIds());
    }

    @Override
    public CurrentUser user() {
        return user;
    }

    @Override
    public boolean isTrustWide() {
        return trustWide;
    }

    @Override
    public Set<String> schools() {
        return schools;
    }

    @Override
    public Set<String> leadsSchools() {
        return leads;
    }

    @Override
    public Set<String> teachesClasses() {
        return teaches;
    }

    @Override
    public boolean canReadSchool(String schoolId) {
        return shape.schools().containsKey(schoolId) && schools.contains(schoolId);
    }

    @Override
    public void requireSchool(String schoolId) {
        if (!canReadSchool(schoolId)) {
            throw Problem.notFound("School " + schoolId);
        }
    }

    @Override
    public boolean canAddress(Audience audience) {
        if (user.has(Role.TRUST_LEADER)) {
            return true;
        }
        if (isLed(audience)) {
            return true;
        }
        return isOwnClasses(audience);
    }

    @Override
    public boolean needsApprovalToAddress(Audience audience) {
        return canAddress(audience) && !user.has(Role.TRUST_LEADER) && !isLed(audience);
    }

    @Override
    public boolean canApprove(Audience audience) {
        if (user.has(Role.TRUST_LEADER)) {
            return true;
        }
        return isLed(audience);
    }

    @Override
    public boolean canImportRoster() {
        return user.has(Role.TRUST_ADMIN);
    }

    /** Every school the audience touches is one this person leads (never true for trust-wide audiences). */
    private boolean isLed(Audience audience) {
        Set<String> concerned = schoolsConcerned(audience);
        return concerned != null && !concerned.isEmpty() && leads.containsAll(concerned);
    }

    private boolean isOwnClasses(Audience audience) {
        return audience.scope() == Audience.Scope.CLASSES && !audience.ids().isEmpty() && teaches.containsAll(audience.ids());
    }

    /** The schools an audience lies in; null for the whole trust or when an id is unknown. */
    Set<String> schoolsConcerned(Audience audience) {
        Set<String> concerned = new LinkedHashSet<>();
        for (String id : audience.ids()) {
            String school = switch (audience.scope()) {
                case TRUST -> null;
                case SCHOOLS -> id;
                case YEAR_GROUPS -> id.contains(":") ? id.substring(0, id.indexOf(':')) : null;
                case CLASSES -> shape.classes().containsKey(id) ? shape.classes().get(id).schoolId() : null;
            };
            if (school == null) {
                return null;
            }
            concerned.add(school);
        }
        return audience.scope() == Audience.Scope.TRUST ? null : concerned;
    }
}
