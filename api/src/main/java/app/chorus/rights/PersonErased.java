package app.chorus.rights;

import java.time.Instant;

/**
 * A person was erased, on the privacy officer's request or by the retention schedule once they had left the roster
 * long enough: every module removes or detaches what links its documents to them, keeping tallies and published
 * outcomes as they are. Published at least once; listeners are idempotent on {@code personId}.
 *
 * @param erasedBy  the privacy officer's person id, or null when the retention schedule erased them
 * @param reason    why, when it was not the privacy officer's request (it does not name the person)
 * @param erasureId what makes this erasure unique in the audit without naming the person
 */
public record PersonErased(String personId, String erasedBy, Instant at, String reason, String erasureId) {

    /** The privacy officer's erasure. */
    public PersonErased(String personId, String erasedBy, Instant at) {
        this(personId, erasedBy, at, null, at.toEpochMilli() + ":" + erasedBy);
    }
}
