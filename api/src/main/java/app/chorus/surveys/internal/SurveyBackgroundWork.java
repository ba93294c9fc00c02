package app.chorus.surveys.internal;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
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
 * Periodic, idempotent work: opens scheduled surveys when due, re-publishes openings never confirmed
 * (at-least-once), and finishes submissions a crash left half-done. Safe on several instances at once: every step
 * is a conditional single-document update.
 */
@Component
class SurveyBackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(SurveyBackgroundWork.class);

    private final SurveyStore surveys;
    private final SurveyManagement management;
    private final SubmissionRecovery recovery;
    private final Duration every;
    private final Clock clock;
    private Disposable loop;

    SurveyBackgroundWork(SurveyStore surveys, SurveyManagement management, SubmissionRecovery recovery,
                         @Value("${chorus.surveys.background-every:15s}") Duration every, ObjectProvider<Clock> clock) {
        this.surveys = surveys;
        this.management = management;
        this.recovery = recovery;
        this.every = every;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop = Flux.interval(every, every)
            .onBackpressureDrop()
            .concatMap(tick -> once().onErrorResume(failure -> {
                log.warn("Survey background work failed; retrying in {}", every, failure);
                return Mono.empty();
            }))
            .subscribe();
    }

    Mono<Void> once() {
        Mono<Void> openings = surveys.live()
            .concatMap(management::openIfDue)
            .filter(survey -> survey.statusAt(clock.instant()) == SurveyStatus.OPEN && survey.openingAnnouncedAt() == null)
            .concatMap(management::announce)
            .then();
        return openings.then(Mono.defer(() -> recovery.sweep(clock.instant())));
    }

    @PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
