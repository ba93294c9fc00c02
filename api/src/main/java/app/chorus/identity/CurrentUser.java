package app.chorus.identity;

import java.util.Set;

/**
 * Who is calling: the one type every module uses for the signed-in person. Only the identity
 * module reads tokens; controllers receive this as {@code @AuthenticationPrincipal CurrentUser}.
 *
 * @param subject  the stable Keycloak subject
 * @param username the login name
 * @param personId the directory person (OneRoster sourcedId) this login belongs to, or null
 * @param roles    the realm roles granted to this login
 */
public record CurrentUser(String subject, String username, String personId, Set<Role> roles) {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... candidates) {
        for (Role role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isLinkedToPerson() {
        return personId != null && !personId.isBlank();
    }
}
