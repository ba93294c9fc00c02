package app.chorus.identity.internal;

import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/** The one place where Keycloak's claims become a {@link CurrentUser}. */
final class TokenToCurrentUser implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final String ROLES_CLAIM = "roles";
    static final String PERSON_CLAIM = "sourced_id";

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        return Mono.just(new CurrentUserAuthentication(toUser(jwt), jwt));
    }

    static CurrentUser toUser(Jwt jwt) {
        String username = Optional.ofNullable(jwt.getClaimAsString("preferred_username")).orElse(jwt.getSubject());
        return new CurrentUser(jwt.getSubject(), username, jwt.getClaimAsString(PERSON_CLAIM), roles(jwt));
    }

    private static Set<Role> roles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Object claim = jwt.getClaims().get(ROLES_CLAIM);
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> Role.fromClaim(String.valueOf(value)).ifPresent(roles::add));
        }
        return roles;
    }
}
