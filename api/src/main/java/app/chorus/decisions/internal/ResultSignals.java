package app.chorus.decisions.internal;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** "A decision's tallies changed" ticks within this instance, for live results streams. */
@Component
class ResultSignals {

    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

    void changed(String decisionId) {
        changes.tryEmitNext(decisionId);
    }

    Flux<String> of(String decisionId) {
        return changes.asFlux().filter(decisionId::equals);
    }
}
