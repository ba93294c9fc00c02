package app.chorus.audit.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** An act as the audit records it, before its actor is made a pseudonym and it is chained. */
record Act(String key, String kind, String schoolId, String actorId, String subject, String reason, Instant at) {

    Act {
        at = (at == null ? Instant.now() : at).truncatedTo(ChronoUnit.MILLIS);
    }

    Act by(String actor) {
        return new Act(key, kind, schoolId, actor, subject, reason, at);
    }
}
