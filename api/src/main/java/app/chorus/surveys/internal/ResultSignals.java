package app.chorus.surveys.internal;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** "A survey's tallies changed" ticks within this instance, for live results. */
@Component
public class ResultSignals {

    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();

    public void changed(String surveyId) {
        changes.tryEmitNext(surveyId);
    }

    public Flux<String> of(String surveyId) {
        return changes.asFlux().filter(surveyId::equals);
    }
}
