/**
 * Identity: Keycloak JWT -> {@link app.chorus.identity.CurrentUser}. The security configuration and
 * token mapping live in {@code internal}; nothing else parses tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package app.chorus.identity;
