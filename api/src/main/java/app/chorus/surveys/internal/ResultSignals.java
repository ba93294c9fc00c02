package app.chorus.surveys.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** "A survey's tallies changed" ticks within this instance, for live results and the results cache. */
@Component
public class ResultSignals {

    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    public void changed(String surveyId) {
        generations.merge(surveyId, 1L, Long::sum);
        changes.tryEmitNext(surveyId);
    }

    public Flux<String> of(String surveyId) {
        return changes.asFlux().filter(surveyId::equals);
    }

    /** How many changes this instance made to a survey's tallies (a results view computed at another count is stale). */
    public long generation(String surveyId) {
        return generations.getOrDefault(surveyId, 0L);
    }
}
