package app.chorus.rights;

import java.time.Instant;

/**
 * The privacy officer erased a person: every module removes or detaches what links its documents to them, keeping
 * tallies and published outcomes as they are. Published at least once; listeners are idempotent on {@code personId}.
 *
 * @param erasedBy the privacy officer's person id
 */
public record PersonErased(String personId, String erasedBy, Instant at) {
}
