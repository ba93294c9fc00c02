package app.chorus.audit.internal;

import java.time.Instant;

/**
 * One recorded act as trust leaders and the privacy officer read it.
 *
 * @param actorId the person who acted; null when the system did or the person has been forgotten
 * @param actor   {@code person}, {@code system} or {@code forgotten} (erased from the identity map)
 */
public record AuditView(String id, String chain, long seq, Instant at, String kind, String schoolId, String actorId,
                        String actor, String subject, String reason, String hash) {

    static AuditView of(AuditEntry entry, String personId) {
        String actor = Actors.SYSTEM.equals(entry.actor()) ? "system" : personId == null ? "forgotten" : "person";
        return new AuditView(entry.id(), entry.chain(), entry.seq(), entry.at(), entry.kind(), entry.schoolId(), personId,
            actor, entry.subject(), entry.reason(), entry.hash());
    }
}
