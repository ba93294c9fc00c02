package app.chorus.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import reactor.netty.channel.AbortedException;

/** Which failed calls the gateway sends to another api instance, however deep the socket's failure is wrapped. */
class GatewayTellsCallsThatNeverLeftFromCallsLostInFlightTests {

    @Test
    void aCallThatNeverLeftIsRepeatedWhateverItsMethod() {
        Throwable closedBeforeSend = wrapped(AbortedException.beforeSend());

        assertThat(ApiCallFailure.of(closedBeforeSend)).isEqualTo(ApiCallFailure.NEVER_SENT);
        assertThat(SafeToRepeat.repeats(closedBeforeSend, false)).isTrue();
        assertThat(SafeToRepeat.repeats(wrapped(new ConnectException("Connection refused")), false)).isTrue();
    }

    @Test
    void aCallLostInFlightIsRepeatedOnlyWhenRepeatingCannotDoItTwice() {
        Throwable reset = wrapped(new IOException("recvAddress(..) failed with error(-104): Connection reset by peer"));
        Throwable closed = wrapped(new ClosedChannelException());

        assertThat(ApiCallFailure.of(reset)).isEqualTo(ApiCallFailure.LOST_IN_FLIGHT);
        assertThat(SafeToRepeat.repeats(reset, false)).as("a write without a key").isFalse();
        assertThat(SafeToRepeat.repeats(closed, false)).as("a write without a key").isFalse();
        HttpHeaders keyed = new HttpHeaders();
        keyed.add(SafeToRepeat.IDEMPOTENCY_KEY, "k1");
        assertThat(SafeToRepeat.repeats(reset, SafeToRepeat.afterLoss(HttpMethod.POST, keyed))).isTrue();
        assertThat(SafeToRepeat.repeats(closed, SafeToRepeat.afterLoss(HttpMethod.GET, HttpHeaders.EMPTY))).isTrue();
    }

    @Test
    void aSlowApiIsNotACallLost() {
        assertThat(ApiCallFailure.of(wrapped(new TimeoutException()))).isEqualTo(ApiCallFailure.NOT_A_LOST_CALL);
        assertThat(SafeToRepeat.repeats(wrapped(new TimeoutException()), true)).isFalse();
    }

    /** As the WebClient and the gateway's own operators hand it on: two wrappers deep. */
    private static Throwable wrapped(Throwable failure) {
        return new IllegalStateException("routing failed", new WebClientRequestException(failure, HttpMethod.POST,
            URI.create("http://127.0.0.1:1/api/v1/surveys/s1/responses"), HttpHeaders.EMPTY));
    }
}
