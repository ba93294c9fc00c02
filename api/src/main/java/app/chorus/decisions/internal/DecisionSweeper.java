package app.chorus.decisions.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Opens and closes decisions on time and re-announces what was never confirmed. The due times are stored on the
 * decisions, so this survives restarts; every step is a conditional single-document update, so with several instances
 * each opening and each count happens once (a count claimed by an instance that died is taken over later).
 */
@Component
class DecisionSweeper {

    private static final Logger log = LoggerFactory.getLogger(DecisionSweeper.class);

    private final DecisionStore decisions;
    private final DecisionManagement management;
    private final Duration every;
    private Disposable loop;

    DecisionSweeper(DecisionStore decisions, DecisionManagement management,
                    @Value("${chorus.decisions.sweep-every:1s}") Duration every) {
        this.decisions = decisions;
        this.management = management;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        loop = Flux.interval(every, every)
            .onBackpressureDrop()
            .concatMap(tick -> sweep().onErrorResume(failure -> {
                log.warn("Decision sweep failed; retrying in {}", every, failure);
                return Mono.empty();
            }))
            .subscribe();
    }

    Mono<Void> sweep() {
        return decisions.unfinished()
            .concatMap(decision -> management.openIfDue(decision)
                .flatMap(management::announceOpening)
                .then(management.closeIfDue(decision.id()))
                .then(decisions.require(decision.id()))
                .flatMap(management::announceClosing)
                .onErrorResume(failure -> {
                    log.warn("Decision {} could not be opened, counted or announced; trying again next sweep", decision.id(), failure);
                    return Mono.empty();
                }))
            .then();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        if (loop != null) {
            loop.dispose();
        }
    }
}
