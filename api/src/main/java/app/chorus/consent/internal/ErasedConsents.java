package app.chorus.consent.internal;

import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An erased pupil's consent goes with them. */
@Component
class ErasedConsents implements DomainEventListener<PersonErased> {

    private final CarerConsents consents;

    ErasedConsents(CarerConsents consents) {
        this.consents = consents;
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        return consents.withdraw(event.personId()).then();
    }
}
