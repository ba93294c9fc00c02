package app.chorus.directory;

import app.chorus.identity.CurrentUser;
import java.util.Set;

/**
 * What one signed-in person may do, decided once per request by {@link AccessPolicy} from their token
 * roles and their roster memberships. Every module asks this; nothing else decides access.
 *
 * <p>Reading a school's data you have no role in answers 404 (see {@link #requireSchool(String)}).
 */
public interface Access {

    CurrentUser user();

    boolean isTrustWide();

    /** Schools where this person has any role (staff, leader, or as carer/pupil through a child or themself). */
    Set<String> schools();

    /** Schools where this person leads (school leader), or every school for trust leaders. */
    Set<String> leadsSchools();

    /** Classes this person teaches. */
    Set<String> teachesClasses();

    boolean canReadSchool(String schoolId);

    /** Fails with 404 when the school is outside this person's reach. */
    void requireSchool(String schoolId);

    /** May this person publish to (address) this audience? staff: their classes; leaders: their school; trust: all. */
    boolean canAddress(Audience audience);

    /** Does addressing this audience need a leader's approval first (e.g. staff posts)? */
    boolean needsApprovalToAddress(Audience audience);

    /** May this person approve posts addressed to this audience? */
    boolean canApprove(Audience audience);

    boolean canImportRoster();
}
