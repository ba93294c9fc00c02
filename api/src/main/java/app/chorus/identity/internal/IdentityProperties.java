package app.chorus.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where tokens come from. {@code CHORUS_IDENTITY_ISSUER_URI} switches to an external Keycloak.
 *
 * @param issuerUri  the realm's issuer, exactly as Keycloak writes it into {@code iss}
 * @param audience   the audience every accepted token must carry
 * @param jwkSetUri  where the signing keys are (defaults to Keycloak's certs endpoint of the issuer)
 * @param clockSkew  how far {@code exp}/{@code nbf} may be off
 * @param verifiedTokens how many verified tokens are remembered until they expire (0: verify every request)
 */
@ConfigurationProperties("chorus.identity")
record IdentityProperties(
    @DefaultValue("http://127.0.0.1:8180/realms/chorus") String issuerUri,
    @DefaultValue("chorus-api") String audience,
    String jwkSetUri,
    @DefaultValue("30s") Duration clockSkew,
    @DefaultValue("10000") int verifiedTokens) {

    String effectiveJwkSetUri() {
        return jwkSetUri != null && !jwkSetUri.isBlank() ? jwkSetUri : issuerUri + "/protocol/openid-connect/certs";
    }
}
