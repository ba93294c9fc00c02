package app.chorus.directory;

import java.time.Instant;
import java.util.List;

/**
 * A roster import committed changes to the directory. Published through {@code DomainEvents} in the import's own
 * flow (so listeners know who imported), at least once: listeners are idempotent on {@code importId}.
 *
 * <p>Bounded whatever the trust's size (ADR 0370): it names the schools and counts the people, and listeners read the
 * people themselves a page at a time with {@link DirectoryQueries#changedBy} and {@link DirectoryQueries#leftIn}, so
 * that what follows one school's import costs what that import changed, not what the trust holds.
 *
 * @param schoolIds     the schools its file set holds
 * @param changes       what changed, e.g. {@code people: 3 created, 2 updated, 0 deleted}
 * @param peopleChanged people it created or updated
 * @param peopleLeft    people it took off the roster
 */
public record RosterImported(String importId, List<String> schoolIds, String changes, Instant at, long peopleChanged,
                             long peopleLeft) {

    public RosterImported {
        schoolIds = List.copyOf(schoolIds);
    }
}
