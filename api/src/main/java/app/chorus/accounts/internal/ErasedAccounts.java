package app.chorus.accounts.internal;

import app.chorus.platform.DomainEvents;
import app.chorus.rights.PersonErased;
import app.chorus.shared.ActRecorded;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * An erased person's sign-in account is deleted from Keycloak. The deletion is owed first (so an outage or a restart
 * only delays it), then tried at once; what fails is tried again by the retry timer. Each deletion is audited under the
 * erasure's key, naming neither the person nor the account.
 */
class ErasedAccounts {

    private static final Logger log = LoggerFactory.getLogger(ErasedAccounts.class);
    static final int BATCH = 50;

    private final KeycloakAdmin keycloak;
    private final OwedAccountWork owed;
    private final DomainEvents events;

    ErasedAccounts(KeycloakAdmin keycloak, OwedAccountWork owed, DomainEvents events) {
        this.keycloak = keycloak;
        this.owed = owed;
        this.events = events;
    }

    /** Owes the deletion, then tries it; a Keycloak failure leaves it owed and is not the erasure's failure. */
    Mono<Void> erased(PersonErased erasure) {
        OwedAccountWork.Deletion deletion = new OwedAccountWork.Deletion(erasure.personId(), erasure.erasureId(), erasure.erasedBy());
        return owed.oweDeletion(deletion).then(delete(deletion).onErrorResume(error -> {
            log.warn("the account of an erased person could not be deleted yet ({}); it is retried every few minutes",
                KeycloakAdmin.reason(error));
            return Mono.empty();
        }));
    }

    /** Deletes the owed accounts, a batch at a time; stops at the first failure (Keycloak is likely down). */
    Mono<Long> deleteOwed() {
        return Mono.defer(() -> owed.deletions(BATCH).concatMap(deletion -> delete(deletion).thenReturn(1)).count())
            .repeat().takeUntil(n -> n < BATCH).reduce(0L, Long::sum);
    }

    private Mono<Void> delete(OwedAccountWork.Deletion deletion) {
        return keycloak.findBySourcedId(deletion.personId())
            .flatMap(user -> keycloak.delete(user.id()).then(events.publish(new ActRecorded("account-deleted:" + deletion.erasureId(),
                "account-deleted", null, deletion.erasedBy(), "account", "the sign-in account of an erased person", Instant.now()))))
            .then(owed.deleted(deletion.personId()));
    }
}
