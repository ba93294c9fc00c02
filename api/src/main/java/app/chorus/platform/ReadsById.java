package app.chorus.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads of one document by id that arrive while such a read is in flight go together as one {@code $in} read
 * (ADR 0402, the read side of ADR 0087). Each read is still sent after its caller asked, so it sees every write
 * acknowledged before that: nothing is reused from an earlier read. Callers asking for the same id share its mapped
 * document.
 *
 * @param <T> the document as mapped
 */
public final class ReadsById<T> {

    /** Enough for every request in flight, small enough for one query. */
    public static final int MAX_BATCH = 256;

    private final Function<Collection<String>, Flux<T>> read;
    private final Function<T, String> idOf;
    private final Coalescer<String, Optional<T>> reads = new Coalescer<>(MAX_BATCH, this::send);

    /** {@code read} answers the documents among the ids it gets (in any order, unknown ids left out). */
    public ReadsById(Function<Collection<String>, Flux<T>> read, Function<T, String> idOf) {
        this.read = read;
        this.idOf = idOf;
    }

    /** The document with this id; empty when there is none. */
    public Mono<T> find(String id) {
        return reads.submit(id).flatMap(Mono::justOrEmpty);
    }

    private Mono<List<Coalescer.Outcome<Optional<T>>>> send(List<String> ids) {
        return read.apply(new LinkedHashSet<>(ids)).collectMap(idOf)
            .map((Map<String, T> found) -> ids.stream().map(id -> Coalescer.Outcome.of(Optional.ofNullable(found.get(id)))).toList());
    }
}
