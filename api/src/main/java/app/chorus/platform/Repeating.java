package app.chorus.platform;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Background work run every interval on a reactive timer: one run at a time (ticks that come while a run is busy are
 * dropped), and a failed run is logged and does not stop the next one. Dispose the result to stop.
 */
public final class Repeating {

    private Repeating() {
    }

    public static Disposable every(Duration every, String what, Logger log, Supplier<Mono<?>> work) {
        return Flux.interval(every, every)
            .onBackpressureDrop()
            .concatMap(tick -> Mono.defer(work).onErrorResume(failure -> {
                log.warn("{} failed; retrying in {}", what, every, failure);
                return Mono.empty();
            }))
            .subscribe();
    }
}
