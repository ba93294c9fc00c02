package app.chorus.identity.internal;

import app.chorus.identity.CurrentUser;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An authenticated request whose principal is the {@link CurrentUser} taken from a validated JWT. */
final class CurrentUserAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser user;
    private final Jwt token;

    CurrentUserAuthentication(CurrentUser user, Jwt token) {
        super(user.roles().stream()
            .map(role -> new SimpleGrantedAuthority("ROLE_" + role.claimValue()))
            .collect(Collectors.toList()));
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
