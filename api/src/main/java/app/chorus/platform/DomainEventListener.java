package app.chorus.platform;

import reactor.core.publisher.Mono;

/**
 * Reacts to an event another module publishes through {@link DomainEvents}. Must be idempotent: publishers
 * re-publish events whose handling they cannot confirm (at-least-once), e.g. after a crash.
 */
public interface DomainEventListener<E> {

    Class<E> eventType();

    Mono<Void> on(E event);

    /** A listener of {@code type} that handles each event with {@code handle}. */
    static <E> DomainEventListener<E> of(Class<E> type, java.util.function.Function<E, Mono<Void>> handle) {
        return new DomainEventListener<>() {
            @Override
            public Class<E> eventType() {
                return type;
            }

            @Override
            public Mono<Void> on(E event) {
                return handle.apply(event);
            }
        };
    }
}
