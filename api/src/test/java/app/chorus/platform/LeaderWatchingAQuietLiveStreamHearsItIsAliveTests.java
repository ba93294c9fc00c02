package app.chorus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * A leader's live page (reach, results, an opinion map) gets a keep-alive comment every 10 s while nothing changes
 * (ADR 0414): the web client takes 30 s without a byte for a dead stream and reconnects, so a quiet stream must
 * still be heard. The comments end with the stream, and the events themselves pass untouched.
 */
class LeaderWatchingAQuietLiveStreamHearsItIsAliveTests {

    @Test
    void aStreamWithNothingNewSendsAKeepAliveCommentEveryTenSeconds() {
        StepVerifier.withVirtualTime(() -> LiveEvents.keptAlive(Flux.<ServerSentEvent<String>>never()))
            .expectSubscription()
            .expectNoEvent(LiveEvents.KEEP_ALIVE.minusMillis(1))
            .thenAwait(Duration.ofMillis(1))
            .assertNext(LeaderWatchingAQuietLiveStreamHearsItIsAliveTests::isKeepAlive)
            .thenAwait(LiveEvents.KEEP_ALIVE)
            .assertNext(LeaderWatchingAQuietLiveStreamHearsItIsAliveTests::isKeepAlive)
            .thenCancel()
            .verify();
    }

    @Test
    void eventsPassAsTheyAreAndTheCommentsEndWithTheStream() {
        Sinks.Many<ServerSentEvent<String>> reports = Sinks.many().unicast().onBackpressureBuffer();
        ServerSentEvent<String> report = ServerSentEvent.builder("42 acknowledged").event("reach").build();
        StepVerifier.withVirtualTime(() -> LiveEvents.keptAlive(reports.asFlux()))
            .then(() -> reports.tryEmitNext(report))
            .expectNext(report)
            .thenAwait(LiveEvents.KEEP_ALIVE)
            .assertNext(LeaderWatchingAQuietLiveStreamHearsItIsAliveTests::isKeepAlive)
            .then(reports::tryEmitComplete)
            .expectComplete()
            .verify(Duration.ofSeconds(5));
    }

    private static void isKeepAlive(ServerSentEvent<String> event) {
        assertThat(event.comment()).isEqualTo("keep-alive");
        assertThat(event.data()).isNull();
        assertThat(event.event()).isNull();
    }
}
