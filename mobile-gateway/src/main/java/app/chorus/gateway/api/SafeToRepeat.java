package app.chorus.gateway.api;

import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * When a call that failed may go to another api instance (ADR 0307, ADR 0400). A call that never left the gateway
 * (refused connection, pooled connection closed before the send) is repeated whatever its method. A call lost in
 * flight may have done its work: only reads, the idempotent methods and writes carrying an {@code Idempotency-Key}
 * (the api answers their repeat with the first outcome) are repeated.
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

    static boolean repeats(Throwable failure, boolean repeatableAfterLoss) {
        return switch (ApiCallFailure.of(failure)) {
            case NEVER_SENT -> true;
            case LOST_IN_FLIGHT -> repeatableAfterLoss;
            case NOT_A_LOST_CALL -> false;
        };
    }
}
