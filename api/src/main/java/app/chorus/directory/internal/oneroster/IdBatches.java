package app.chorus.directory.internal.oneroster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Flux;

/** Ids split into batches small enough for one {@code $in} read each, so no read asks the store for a whole trust. */
final class IdBatches {

    /** Ids per {@code $in} read (and documents per cursor batch of that read). */
    static final int SIZE = 1_000;

    private IdBatches() {
    }

    /** The ids as they are now (later changes to {@code ids} are not seen), {@link #SIZE} at a time. */
    static Flux<List<String>> of(Collection<String> ids) {
        return Flux.fromIterable(new ArrayList<>(ids)).buffer(SIZE);
    }
}
