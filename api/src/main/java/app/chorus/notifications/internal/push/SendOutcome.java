package app.chorus.notifications.internal.push;

import com.google.firebase.ErrorCode;
import com.google.firebase.IncomingHttpResponse;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.MessagingErrorCode;
import java.time.Duration;
import java.util.List;

/** What FCM's answer to one message means for us. */
public enum SendOutcome {
    ACCEPTED, RETIRE_TOKEN, FAILED, RETRY, /** not needed any more (e.g. the email fallback of a message already opened) */ SKIPPED;

    public static SendOutcome of(FirebaseMessagingException failure) {
        MessagingErrorCode code = failure.getMessagingErrorCode();
        if (code != null) {
            return switch (code) {
                case UNREGISTERED, INVALID_ARGUMENT -> RETIRE_TOKEN;
                case SENDER_ID_MISMATCH, THIRD_PARTY_AUTH_ERROR -> FAILED;
                case UNAVAILABLE, INTERNAL, QUOTA_EXCEEDED -> RETRY;
            };
        }
        ErrorCode error = failure.getErrorCode();
        return switch (error == null ? ErrorCode.UNKNOWN : error) {
            case INVALID_ARGUMENT, NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED, FAILED_PRECONDITION, OUT_OF_RANGE -> FAILED;
            default -> RETRY;
        };
    }

    /** FCM's Retry-After on 429/503, or zero. */
    public static Duration retryAfter(FirebaseMessagingException failure) {
        IncomingHttpResponse response = failure.getHttpResponse();
        if (response == null || response.getHeaders() == null) {
            return Duration.ZERO;
        }
        Object value = response.getHeaders().get("retry-after");
        if (value instanceof List<?> list && !list.isEmpty()) {
            value = list.get(0);
        }
        try {
            return value == null ? Duration.ZERO : Duration.ofSeconds(Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
