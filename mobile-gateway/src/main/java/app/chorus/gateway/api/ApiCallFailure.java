package app.chorus.gateway.api;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import reactor.netty.channel.AbortedException;

/**
 * How a call to an api instance failed, read from the whole cause chain (Spring's and Reactor Netty's wrappers nest
 * the socket's failure at varying depths; ADR 0400).
 */
public enum ApiCallFailure {

    /** Nothing left the gateway: the connection was refused, or a pooled one was found closed before the send. */
    NEVER_SENT,
    /** The connection failed once the call was written (reset, closed before the answer): the api may have done it. */
    LOST_IN_FLIGHT,
    /** Not a failed connection: a timeout, a refusal of the gateway's own, a bug. */
    NOT_A_LOST_CALL;

    private static final String CLOSED_BEFORE_SEND = AbortedException.beforeSend().getMessage();
    private static final int DEEPEST_CAUSE = 16;

    public static ApiCallFailure of(Throwable failure) {
        boolean lost = false;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof ConnectException
                || cause instanceof AbortedException && CLOSED_BEFORE_SEND.equals(cause.getMessage())) {
                return NEVER_SENT;
            }
            lost |= cause instanceof IOException || cause instanceof AbortedException;
        }
        return lost ? LOST_IN_FLIGHT : NOT_A_LOST_CALL;
    }

    /**
     * A call given up on: the breaker's time limit, the route's response timeout (Spring Cloud Gateway's own class) or
     * ApiClient's.
     */
    static boolean timedOut(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++, cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException
                || cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
