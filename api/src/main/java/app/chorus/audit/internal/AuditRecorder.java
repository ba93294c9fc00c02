package app.chorus.audit.internal;

import app.chorus.identity.CurrentUser;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Records acts on their chains, naming the actor the event names or the signed-in caller. */
@Component
class AuditRecorder {

    private final AuditChain chain;

    AuditRecorder(AuditChain chain) {
        this.chain = chain;
    }

    Mono<AuditEntry> record(Act act) {
        return chain.append(act);
    }

    /** The act as done by whoever's request is running (the system when none is). */
    Mono<AuditEntry> recordAsCaller(Act act) {
        return ReactiveSecurityContextHolder.getContext()
            .mapNotNull(context -> context.getAuthentication() == null ? null : context.getAuthentication().getPrincipal())
            .ofType(CurrentUser.class)
            .map(CurrentUser::personId)
            .defaultIfEmpty("")
            .flatMap(personId -> chain.append(act.by(personId.isBlank() ? null : personId)));
    }
}
