package app.chorus.gateway.api;

import java.io.IOException;
import java.net.ConnectException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * When a call that failed may go to another api instance (ADR 0307). A refused connection never reached the api:
 * any call is repeated. A connection lost in flight may have done its work: only reads, the idempotent methods and
 * writes carrying an {@code Idempotency-Key} (the api answers their repeat with the first outcome) are repeated.
 */
final class SafeToRepeat {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
        HttpMethod.PUT, HttpMethod.DELETE);

    private SafeToRepeat() {
    }

    /** True when the call may be repeated after it was lost in flight. */
    static boolean afterLoss(HttpMethod method, HttpHeaders headers) {
        return IDEMPOTENT.contains(method) || headers.containsHeader(IDEMPOTENCY_KEY);
    }

    /** The failures after which a call is repeated on another instance. */
    static Class<? extends Throwable> failures(boolean repeatableAfterLoss) {
        return repeatableAfterLoss ? IOException.class : ConnectException.class;
    }

    static boolean repeats(Throwable failure, boolean repeatableAfterLoss) {
        Class<? extends Throwable> kind = failures(repeatableAfterLoss);
        return kind.isInstance(failure) || kind.isInstance(failure.getCause());
    }
}
