package app.chorus.platform;

import java.time.Duration;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Server-Sent Events kept visibly alive (ADR 0414): a comment every {@link #KEEP_ALIVE} beside the events, so that a
 * client can tell a quiet stream from a dead one (the web client reconnects after 30 s without a byte) and nothing
 * between them closes a stream for being idle. The comments stop when the events end.
 */
public final class LiveEvents {

    public static final Duration KEEP_ALIVE = Duration.ofSeconds(10);

    private LiveEvents() {
    }

    public static <T> Flux<ServerSentEvent<T>> keptAlive(Flux<ServerSentEvent<T>> events) {
        return Flux.defer(() -> {
            Sinks.Empty<Void> ended = Sinks.empty();
            Flux<ServerSentEvent<T>> comments = Flux.interval(KEEP_ALIVE, KEEP_ALIVE)
                .onBackpressureDrop()
                .map(tick -> ServerSentEvent.<T>builder().comment("keep-alive").build())
                .takeUntilOther(ended.asMono());
            return Flux.merge(events.doFinally(signal -> ended.tryEmitEmpty()), comments);
        });
    }
}
