package app.chorus.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the browser app needs to sign in, served as /config.json so one build works against any realm.
 *
 * @param authority the OIDC issuer the app signs in with (defaults to the issuer the gateway trusts)
 * @param clientId  the public Keycloak client (code + PKCE)
 * @param apiBase   prefix for api calls; empty because the gateway relays /api on the same origin
 */
@ConfigurationProperties("chorus.web")
public record WebClientProperties(String authority, String clientId, String apiBase) {

    public WebClientProperties {
        clientId = clientId == null || clientId.isBlank() ? "chorus-web" : clientId;
        apiBase = apiBase == null ? "" : apiBase;
    }
}
