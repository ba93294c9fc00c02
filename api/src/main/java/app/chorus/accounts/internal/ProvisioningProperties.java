package app.chorus.accounts.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How accounts are provisioned.
 *
 * @param enabled      reconcile Keycloak's users with the roster (production: on)
 * @param keycloakUrl  Keycloak's base URL (the admin API is under {@code /admin/realms/{realm}})
 * @param realm        the realm people sign in to
 * @param clientId     the confidential client whose service account holds realm-management's
 *                     view-users, query-users, manage-users and view-realm
 * @param clientSecret its secret
 * @param batchSize    people read from the directory (and Keycloak users read) per page
 * @param concurrency  Keycloak calls in flight at once
 * @param retryEvery   how often owed work (accounts of erased people to delete, a sync that failed) is tried again
 */
@ConfigurationProperties("chorus.identity.provisioning")
public record ProvisioningProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("http://127.0.0.1:8180") String keycloakUrl,
    @DefaultValue("chorus") String realm,
    @DefaultValue("chorus-service") String clientId,
    @DefaultValue("chorus-service-dev-secret") String clientSecret,
    @DefaultValue("200") int batchSize,
    @DefaultValue("4") int concurrency,
    @DefaultValue("5m") Duration retryEvery) {
}
