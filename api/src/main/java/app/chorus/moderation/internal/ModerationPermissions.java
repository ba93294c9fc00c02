package app.chorus.moderation.internal;

import app.chorus.directory.Access;
import app.chorus.identity.Role;
import java.util.HashSet;
import java.util.Set;

/**
 * Who moderates what: school leaders the places of the schools they lead, trust leaders every school and the trust-wide
 * places; safeguarding leads the concerns of their schools, and the trust's safeguarding contacts (or trust leaders)
 * the concerns that escalated.
 */
final class ModerationPermissions {

    private ModerationPermissions() {
    }

    /** The schools whose queue this person moderates; {@code null} in the set stands for trust-wide places. */
    static Set<String> moderatedPlaces(Access access) {
        Set<String> places = new HashSet<>(access.leadsSchools());
        if (access.user().has(Role.TRUST_LEADER)) {
            places.add(null);
        }
        return places;
    }

    static boolean moderates(Access access, String schoolId) {
        return moderatedPlaces(access).contains(schoolId);
    }

    static boolean isSafeguardingLead(Access access) {
        return access.user().has(Role.SAFEGUARDING_LEAD);
    }

    static boolean seesConcernsOf(Access access, Set<String> schoolIds) {
        return isSafeguardingLead(access) && schoolIds.stream().anyMatch(access.schools()::contains);
    }
}
