package app.chorus.directory;

import java.time.Instant;
import java.util.List;

/**
 * A roster import committed changes to the directory. Published through {@code DomainEvents} in the import's own
 * flow (so listeners know who imported), at least once: listeners are idempotent on {@code importId}.
 *
 * @param schoolIds the schools its file set holds
 * @param changes   what changed, e.g. {@code people: 3 created, 2 updated, 0 deleted}
 */
public record RosterImported(String importId, List<String> schoolIds, String changes, Instant at) {
}
