package app.chorus.consultations.internal;

import app.chorus.consultations.ConsultationOpened;
import app.chorus.platform.DomainEvents;
import app.chorus.platform.Repeating;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces phase changes on time, once, across restarts and instances (ADR 0121). Due times are stored
 * ({@link DuePhases}); each sweep claims due entries one at a time under a lease, publishes the stage change
 * ({@code ConsultationOpened} / {@code ConsultationPhaseChanged}), records it on the consultation with a
 * compare-and-set on the announced stage, and moves the entry to the next change. A holder that dies before
 * recording leaves the entry to be claimed again when the lease runs out (at least once; listeners are idempotent).
 */
@Component
public class PhaseScheduler {

    private static final Logger log = LoggerFactory.getLogger(PhaseScheduler.class);
    private static final int MOST_PER_SWEEP = 100;
    private final DuePhases due;
    private final ConsultationStore consultations;
    private final Voices voices;
    private final RosterReach reach;
    private final DomainEvents events;
    private final Duration every;
    private final Duration lease;
    private final Clock clock;
    private final String owner = "phases-" + UUID.randomUUID();
    private Disposable timer;

    PhaseScheduler(DuePhases due, ConsultationStore consultations, Voices voices, RosterReach reach, DomainEvents events,
                   @Value("${chorus.consultations.sweep-interval:1s}") Duration every,
                   @Value("${chorus.consultations.lease:30s}") Duration lease, ObjectProvider<Clock> clock) {
        this.due = due;
        this.consultations = consultations;
        this.voices = voices;
        this.reach = reach;
        this.events = events;
        this.every = every;
        this.lease = lease;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = Repeating.every(every, "Consultation phase sweep", log, () -> sweep(owner));
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (timer != null) {
            timer.dispose();
        }
    }

    /** Announces every due change this holder can claim now; completes with how many it announced. */
    public Mono<Long> sweep(String holder) {
        return Flux.range(0, MOST_PER_SWEEP)
            .concatMap(turn -> due.claim(holder, clock.instant(), lease)
                .flatMap(consultationId -> announce(consultationId, holder))
                .defaultIfEmpty(-1L))
            .takeWhile(announced -> announced >= 0)
            .reduce(0L, Long::sum);
    }

    /** 1 when this holder announced a change, 0 when there was nothing to announce. */
    private Mono<Long> announce(String consultationId, String holder) {
        Instant now = clock.instant();
        return consultations.find(consultationId)
            .flatMap(consultation -> {
                Object event = consultation.stageEvent(now);
                boolean opened = event instanceof ConsultationOpened;
                Mono<Long> announced = event == null ? Mono.just(0L)
                    : (opened ? voices.snapshot(consultation) : Mono.<Void>empty())
                        .then(events.publish(event))
                        .then(consultations.markAnnounced(consultationId, consultation.announcedStage(), consultation.stageAt(now)))
                        .doOnNext(marked -> log.info("Consultation {} is now {}", consultationId, consultation.stageAt(now)))
                        // after the announcement, so a large audience's reach never delays it (nor outlives the lease unmarked)
                        .flatMap(marked -> marked && opened ? reach.record(consultation) : Mono.<Void>empty())
                        .thenReturn(1L);
                return announced.flatMap(n -> due.release(consultationId, holder, consultation.nextChangeAfter(now)).thenReturn(n));
            })
            .switchIfEmpty(Mono.defer(() -> due.release(consultationId, holder, null).thenReturn(0L)));
    }
}
