package app.chorus.consultations.internal;

import app.chorus.platform.DomainEvents;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Hands the pushes a consultation owes (its outcome, its action changes) to the notifications module, and clears each
 * mark once that is done. A crash in between leaves the mark: a sweep, at start and then periodically, publishes again
 * what has been owed for longer than a grace period. Fan-outs are keyed by the push (source, id, revision), so a push
 * published twice reaches each phone once (ADR 0150).
 */
@Component
class PendingPushes {

    private static final Logger log = LoggerFactory.getLogger(PendingPushes.class);
    private final ConsultationStore consultations;
    private final DomainEvents events;
    private final Duration grace;
    private final Clock clock;

    PendingPushes(ConsultationStore consultations, DomainEvents events,
                  @Value("${chorus.consultations.republish-after:30s}") Duration grace, ObjectProvider<Clock> clock) {
        this.consultations = consultations;
        this.events = events;
        this.grace = grace;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Publishes the push this change owes and clears its mark. */
    Mono<Void> announce(Consultation consultation, PendingPush push) {
        Object event = consultation.eventFor(push);
        return (event == null ? Mono.<Void>empty() : events.publish(event))
            .then(consultations.clearPending(consultation.id(), push.key()));
    }

    /** Publishes again every push owed for longer than the grace period; completes with how many. */
    Mono<Long> sweep() {
        return consultations.owingPushesSince(clock.instant().minus(grace))
            .concatMap(consultation -> Flux.fromIterable(consultation.unannounced())
                .filter(push -> push.since().isBefore(clock.instant().minus(grace)))
                .concatMap(push -> announce(consultation, push).thenReturn(1L)))
            .reduce(0L, Long::sum)
            .doOnNext(n -> {
                if (n > 0) {
                    log.info("Published {} consultation pushes again that were owed since before a restart or failure", n);
                }
            });
    }
}
