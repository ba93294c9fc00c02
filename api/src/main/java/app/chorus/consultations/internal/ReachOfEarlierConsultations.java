package app.chorus.consultations.internal;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consultations opened before their reach was recorded (ADR 0260) had none until an import touched them, so a person
 * who left their audience meanwhile was never told. At start-up each open consultation whose reach is not recorded in
 * full gets it, as at opening (ADR 0326). Resumable: the mark that says "recorded" is written last, and recording again
 * changes nothing, so a run cut short is finished at the next start; several instances may run it together.
 */
@Component
class ReachOfEarlierConsultations {

    private static final Logger log = LoggerFactory.getLogger(ReachOfEarlierConsultations.class);
    private final ConsultationStore consultations;
    private final RosterReach reach;
    private final Clock clock;

    ReachOfEarlierConsultations(ConsultationStore consultations, RosterReach reach, ObjectProvider<Clock> clock) {
        this.consultations = consultations;
        this.reach = reach;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        recordMissing().subscribe(count -> { }, failure -> log.warn("Could not record the reach of earlier open consultations; "
            + "the next start tries again", failure));
    }

    /** Records the reach of each open consultation that lacks it; completes with how many it recorded. */
    Mono<Long> recordMissing() {
        Instant now = clock.instant();
        return consultations.all()
            .filter(consultation -> consultation.takingPartAt(now))
            .concatMap(consultation -> reach.isRecorded(consultation.id())
                .flatMap(done -> done ? Mono.just(0L) : reach.record(consultation).thenReturn(1L)))
            .reduce(0L, Long::sum)
            .doOnNext(count -> {
                if (count > 0) {
                    log.info("Recorded the reach of {} open consultation(s) opened before reach was recorded", count);
                }
            });
    }
}
