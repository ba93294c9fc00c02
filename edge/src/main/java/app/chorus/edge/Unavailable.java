package app.chorus.edge;

import org.springframework.security.authentication.AuthenticationServiceException;

/**
 * A part the request needs that is down, answered as a 503 problem saying what to do rather than a 500: the identity
 * provider when a token's signing key must be fetched, or the store. Store failures are matched by type name, so the gateway
 * (no store) needs none of the store's libraries.
 */
final class Unavailable {

    private static final String RETRY_SECONDS = "30";

    private Unavailable() {
    }

    /** The 503 problem for this failure, or null when it is not about a part being down. */
    static ProblemException of(Throwable failure) {
        if (ProblemErrorHandler.hasCause(failure, AuthenticationServiceException.class)) {
            return identity();
        }
        if (storeDown(failure)) {
            return new ProblemException(503, "store-unavailable", "Service unavailable",
                "Chorus cannot reach its database right now. Try again in a minute; a write sent again with the same "
                    + "Idempotency-Key is not made twice.")
                .header("Retry-After", RETRY_SECONDS);
        }
        return null;
    }

    /** Keycloak's keys could not be fetched for a token signed with a key not seen yet. */
    static ProblemException identity() {
        return new ProblemException(503, "identity-unavailable", "Service unavailable",
            "Your sign-in cannot be checked right now: the identity provider (Keycloak) does not answer. "
                + "Try again in a minute; if it keeps happening, tell your trust's IT support.")
            .header("Retry-After", RETRY_SECONDS);
    }

    private static boolean storeDown(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            String name = current.getClass().getName();
            if (name.equals("org.springframework.dao.DataAccessResourceFailureException") || name.equals("com.mongodb.MongoTimeoutException")
                || name.equals("com.mongodb.MongoSocketOpenException") || name.equals("com.mongodb.MongoSocketReadException")
                || name.equals("com.mongodb.MongoSocketWriteException") || name.equals("com.mongodb.MongoSocketClosedException")) {
                return true;
            }
        }
        return false;
    }
}
