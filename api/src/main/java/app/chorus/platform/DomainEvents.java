package app.chorus.platform;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reactive, at-least-once event delivery between modules. {@link #publish(Object)} completes when every
 * listener for the event's type has handled it; a publisher records that (e.g. an {@code announcedAt}
 * field) and re-publishes what was never confirmed, so a crash between a write and its event loses nothing.
 */
@Component
public class DomainEvents {

    private final ObjectProvider<DomainEventListener<?>> listeners;

    public DomainEvents(ObjectProvider<DomainEventListener<?>> listeners) {
        this.listeners = listeners;
    }

    @SuppressWarnings("unchecked")
    public Mono<Void> publish(Object event) {
        List<DomainEventListener<?>> matching = listeners.orderedStream()
            .filter(listener -> listener.eventType().isInstance(event))
            .toList();
        return Flux.fromIterable(matching)
            .concatMap(listener -> ((DomainEventListener<Object>) listener).on(event))
            .then();
    }
}
