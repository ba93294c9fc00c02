package app.chorus.identity.internal;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Spring Security test JWTs carrying the claims Keycloak issues (realm roles in {@code roles}, the directory person in
 * {@code sourced_id}), turned into a request's authentication by the api's own claim mapping, for tests that are about
 * what a role may do rather than about sign-in.
 */
public final class TestJwts {

    private TestJwts() {
    }

    public static Jwt token(String username, String personId, List<String> roles) {
        Jwt.Builder jwt = Jwt.withTokenValue("test-" + username).header("alg", "none")
            .subject("sub-" + username).claim("preferred_username", username).claim(TokenToCurrentUser.ROLES_CLAIM, roles)
            .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
        return personId == null ? jwt.build() : jwt.claim(TokenToCurrentUser.PERSON_CLAIM, personId).build();
    }

    /** A client bound to the running api whose requests carry this person's test token, mapped as the api maps it. */
    public static WebTestClient as(ApplicationContext context, String username, String personId, String... roles) {
        return WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
            .responseTimeout(Duration.ofSeconds(60)).build()
            .mutateWith(mockAuthentication(authentication(token(username, personId, List.of(roles)))));
    }

    /** The authentication the api builds from this token. */
    public static Authentication authentication(Jwt jwt) {
        return new TokenToCurrentUser().convert(jwt).block();
    }
}
