package app.chorus.audit.internal;

import app.chorus.platform.DomainEventListener;
import app.chorus.rights.PersonErased;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** An erased person leaves the identity map; the erasure itself is recorded without naming them. */
@Component
class ErasedActors implements DomainEventListener<PersonErased> {

    private final Actors actors;
    private final AuditRecorder recorder;

    ErasedActors(Actors actors, AuditRecorder recorder) {
        this.actors = actors;
        this.recorder = recorder;
    }

    @Override
    public Class<PersonErased> eventType() {
        return PersonErased.class;
    }

    @Override
    public Mono<Void> on(PersonErased event) {
        String pseudonymous = "person-erased:" + event.erasureId();
        return actors.forget(event.personId())
            .then(recorder.record(new Act(pseudonymous, "person-erased", null, event.erasedBy(), "person", event.reason(),
                event.at())))
            .then();
    }
}
