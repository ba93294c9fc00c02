package app.chorus.directory;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * People the roster stopped listing at every school (a bulk file set that no longer has them, or a delta's
 * {@code tobedeleted} row; an account switched off with {@code enabledUser=false} is not leaving), with the day they
 * left. Someone the roster lists again is no longer a leaver.
 */
public interface RosterLeavers {

    /**
     * A leaver as the directory keeps them: no name, only what retention and erasure need.
     *
     * @param erasureId random, fixed when they left: the key of their erasure in the audit, which must not name them
     */
    record Leaver(String personId, String kind, List<String> schoolIds, Instant leftAt, String erasureId) {
    }

    /** The leavers who left before {@code moment}, longest gone first, at most {@code limit}. */
    Flux<Leaver> leftBefore(Instant moment, int limit);

    Mono<Leaver> leaver(String personId);

    /** Deletes what the directory still keeps of a leaver once they are erased: their leaver record and deleted rows. */
    Mono<Void> forget(String personId);
}
