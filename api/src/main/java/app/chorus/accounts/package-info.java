/**
 * Accounts: every rostered person who should sign in has a Keycloak account linked by their OneRoster
 * {@code sourcedId}. The provisioner reconciles Keycloak's users with the directory through Keycloak's Admin REST API,
 * after each roster import and on demand; it is off unless {@code chorus.identity.provisioning.enabled=true}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package app.chorus.accounts;
