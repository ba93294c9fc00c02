package app.chorus.audit;

import reactor.core.publisher.Mono;

/** What other modules may ask of the audit directly. */
public interface AuditTrail {

    /**
     * Removes a person from the audit's identity map: their acts stay in the chains (which still verify) under a
     * pseudonym nobody can resolve any more. Completes with whether the person was known.
     */
    Mono<Boolean> forget(String personId);
}
