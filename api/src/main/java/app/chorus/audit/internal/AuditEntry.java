package app.chorus.audit.internal;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One link of a chain: an act, the hash of the link before it and its own hash over both. Never updated.
 *
 * @param id       {@code CHAIN/SEQUENCE}, zero-padded: unique, so two appenders cannot both take one place
 * @param key      what made the act unique (unique index): a re-delivered event records nothing more
 * @param actor    the actor's pseudonym ({@link Actors}), or {@value Actors#SYSTEM}
 * @param previous the previous link's hash ({@link ChainHash#GENESIS} for the first)
 */
@Document(AuditEntry.COLLECTION)
public record AuditEntry(@Id String id, String chain, long seq, String key, String kind, String schoolId, String actor,
                         String subject, String reason, Instant at, String previous, String hash) {

    public static final String COLLECTION = "audit_entries";

    static AuditEntry after(ChainHead head, Act act, String actor) {
        long seq = head.seq() + 1;
        AuditEntry unsigned = new AuditEntry(idOf(head.chain(), seq), head.chain(), seq, act.key(), act.kind(),
            act.schoolId(), actor, act.subject(), act.reason(), act.at(), head.hash(), null);
        return unsigned.withHash(ChainHash.of(unsigned));
    }

    static String idOf(String chain, long seq) {
        return chain + "/" + String.format("%012d", seq);
    }

    AuditEntry withHash(String newHash) {
        return new AuditEntry(id, chain, seq, key, kind, schoolId, actor, subject, reason, at, previous, newHash);
    }
}
