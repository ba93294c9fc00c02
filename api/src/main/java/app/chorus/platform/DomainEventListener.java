package app.chorus.platform;

import reactor.core.publisher.Mono;

/**
 * Reacts to an event another module publishes through {@link DomainEvents}. Must be idempotent: publishers
 * re-publish events whose handling they cannot confirm (at-least-once), e.g. after a crash.
 */
public interface DomainEventListener<E> {

    Class<E> eventType();

    Mono<Void> on(E event);
}
