package app.chorus.accounts;

import app.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A school's own identity provider (standing in for its Microsoft Entra ID tenant): a realm of its own in the running
 * Keycloak with a confidential client for the broker, added to the test realm as a trust adds a school's provider.
 */
final class SchoolIdentityProvider {

    static final String ALIAS = "oakfield-entra";
    static final String REALM = "school-idp-" + System.getProperty("chorus.test.fork", "fork-0");
    static final String PASSWORD = "entra-password-1";
    private static final String CLIENT = "chorus-broker";
    private static final String SECRET = "chorus-broker-secret";
    private static final JsonMapper json = JsonMapper.builder().build();

    private SchoolIdentityProvider() {
    }

    /** Makes the school's realm afresh with these people (by email) and adds it to the test realm as {@link #ALIAS}. */
    static void createWith(List<String> emails) {
        delete();
        Map<String, Object> realm = Map.of("realm", REALM, "enabled", true,
            "clients", List.of(Map.of("clientId", CLIENT, "publicClient", false, "secret", SECRET, "standardFlowEnabled", true,
                "directAccessGrantsEnabled", false,
                "redirectUris", List.of(Tokens.keycloakUrl() + "/realms/" + TestRealm.NAME + "/broker/" + ALIAS + "/endpoint"))),
            "users", emails.stream().map(SchoolIdentityProvider::person).toList());
        TestRealm.send("POST", "/admin/realms", json.writeValueAsString(realm), 201);
        TestRealm.send("POST", "/admin/realms/" + TestRealm.NAME + "/identity-provider/instances",
            json.writeValueAsString(provider()), 201);
    }

    static void delete() {
        TestRealm.send("DELETE", "/admin/realms/" + TestRealm.NAME + "/identity-provider/instances/" + ALIAS, null, 204, 404);
        TestRealm.send("DELETE", "/admin/realms/" + REALM, null, 204, 404);
    }

    private static Map<String, Object> person(String email) {
        return Map.of("username", email, "email", email, "emailVerified", true, "enabled", true,
            "firstName", "Entra", "lastName", "Person",
            "credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
    }

    /** The provider as the realm admin console or admin API takes it: OpenID Connect, emails trusted, our first-login flow. */
    private static Map<String, Object> provider() {
        Map<String, Object> discovery = json.readValue(TestRealm.send("GET", "/realms/" + REALM + "/.well-known/openid-configuration", null, 200),
            new TypeReference<Map<String, Object>>() { });
        return Map.of("alias", ALIAS, "displayName", "Oakfield Primary (Entra ID)", "providerId", "oidc", "enabled", true,
            "trustEmail", true, "firstBrokerLoginFlowAlias", "chorus first broker login",
            "config", Map.ofEntries(
                Map.entry("authorizationUrl", discovery.get("authorization_endpoint")),
                Map.entry("tokenUrl", discovery.get("token_endpoint")),
                Map.entry("userInfoUrl", discovery.get("userinfo_endpoint")),
                Map.entry("jwksUrl", discovery.get("jwks_uri")),
                Map.entry("issuer", discovery.get("issuer")),
                Map.entry("useJwksUrl", "true"),
                Map.entry("validateSignature", "true"),
                Map.entry("clientId", CLIENT),
                Map.entry("clientSecret", SECRET),
                Map.entry("clientAuthMethod", "client_secret_post"),
                Map.entry("defaultScope", "openid email profile"),
                Map.entry("syncMode", "IMPORT")));
    }
}
