package app.chorus.accounts.internal;

import app.chorus.directory.RosterImported;
import app.chorus.rights.PersonErased;
import app.chorus.shared.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Runs the provisioner one run at a time: a run asked for while another goes waits for it, then runs (so what it
 * reports reflects the roster as it is once it starts).
 */
public class AccountsManagement {

    private static final Logger log = LoggerFactory.getLogger(AccountsManagement.class);

    private final AccountProvisioner provisioner;
    private final ProvisioningProperties properties;
    private final ErasedAccounts erasedAccounts;
    private final OwedAccountWork owed;
    private Mono<AccountsReport> last = Mono.empty();

    AccountsManagement(AccountProvisioner provisioner, ProvisioningProperties properties, ErasedAccounts erasedAccounts,
                       OwedAccountWork owed) {
        this.provisioner = provisioner;
        this.properties = properties;
        this.erasedAccounts = erasedAccounts;
        this.owed = owed;
    }

    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Queues a run after the current one; the answer is that run's report. A run first deletes the accounts of erased
     * people still owed (before the roster pass, which never recreates an account for someone no longer on it).
     */
    public synchronized Mono<AccountsReport> sync() {
        if (!properties.enabled()) {
            return Mono.error(Problem.conflict("account-provisioning-off", "Account provisioning is off on this server. "
                + "Set chorus.identity.provisioning.enabled=true (CHORUS_ACCOUNT_PROVISIONING=true) and give the service "
                + "account of " + properties.clientId() + " realm-management's view-users, query-users, manage-users and view-realm."));
        }
        return queue(Mono.defer(erasedAccounts::deleteOwed).then(Mono.defer(provisioner::run))
            .flatMap(report -> owed.synced().thenReturn(report)));
    }

    /**
     * Queues a run over what one roster import changed (ADR 0372). If it fails, a whole sync is owed (and retried), as
     * is one that a whole sync left owed before it.
     */
    synchronized Mono<AccountsReport> sync(RosterImported imported) {
        return queue(Mono.defer(() -> provisioner.runFor(imported)));
    }

    private synchronized Mono<AccountsReport> queue(Mono<AccountsReport> run) {
        Mono<AccountsReport> next = last.onErrorResume(e -> Mono.empty())
            .then(run)
            .onErrorResume(error -> owed.oweSync().then(Mono.error(error)))
            .onErrorMap(AccountsManagement::unreachable)
            .cache();
        last = next;
        return next.doFinally(signal -> forget(next));
    }

    /** Lets go of a finished run, so that the chain of runs does not grow while the server is idle. */
    private synchronized void forget(Mono<AccountsReport> run) {
        if (last == run) {
            last = Mono.empty();
        }
    }

    /** An erased person's account is owed deletion, and deleted now if Keycloak answers. */
    Mono<Void> erased(PersonErased erasure) {
        return properties.enabled() ? erasedAccounts.erased(erasure) : Mono.empty();
    }

    /** What a Keycloak outage left undone: the accounts of erased people, then a sync that failed. */
    Mono<Void> retryOwed() {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        return erasedAccounts.deleteOwed()
            .doOnNext(deleted -> {
                if (deleted > 0) {
                    log.info("accounts of {} erased people deleted after a wait", deleted);
                }
            })
            .then(owed.syncOwed())
            .flatMap(syncOwed -> syncOwed ? sync().then() : Mono.empty());
    }

    /** A run over what a roster import changed: started here, its outcome logged. */
    void afterImport(RosterImported imported) {
        sync(imported).subscribe(report -> { }, error -> log.warn("account provisioning after a roster import failed: {}; it is tried again every {}",
            error.getMessage(), properties.retryEvery()));
    }

    private static Throwable unreachable(Throwable error) {
        if (error instanceof WebClientResponseException response) {
            return Problem.conflict("account-provisioning-refused", "Keycloak refused the provisioner ("
                + response.getStatusCode().value() + " on " + response.getRequest().getURI().getPath() + "). Check that the client's "
                + "service account holds realm-management's view-users, query-users, manage-users and view-realm, and that its secret matches.");
        }
        if (error instanceof WebClientRequestException) {
            return Problem.conflict("account-provisioning-unreachable", "Keycloak could not be reached (" + error.getMessage()
                + "). Check chorus.identity.provisioning.keycloak-url and that Keycloak is running, then sync again.");
        }
        return error;
    }
}
