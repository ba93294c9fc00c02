package app.chorus.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Items that arrive while a batch is in flight go together in the next one (ADR 0087): the first item is sent at once,
 * so a lone caller waits for one round trip, and N callers arriving together share a few. Each caller completes with
 * its own item's outcome, never another's.
 *
 * @param <T> what is sent (a write, an id to read)
 * @param <R> what each item gets back
 */
public final class Coalescer<T, R> {

    /** One outcome per item, in the order sent: a value, or the failure of that item alone. */
    public record Outcome<R>(R value, Throwable failure) {
        public static <R> Outcome<R> of(R value) {
            return new Outcome<>(value, null);
        }

        public static <R> Outcome<R> failed(Throwable failure) {
            return new Outcome<>(null, failure);
        }
    }

    private record Item<T, R>(T value, MonoSink<R> sink) {
    }

    private final int maxBatch;
    private final Function<List<T>, Mono<List<Outcome<R>>>> send;
    private final List<Item<T, R>> waiting = new ArrayList<>();
    private boolean sending;

    /** {@code send} gets up to {@code maxBatch} items and answers one outcome per item, in order. */
    public Coalescer(int maxBatch, Function<List<T>, Mono<List<Outcome<R>>>> send) {
        this.maxBatch = maxBatch;
        this.send = send;
    }

    public Mono<R> submit(T value) {
        return Mono.create(sink -> {
            boolean start;
            synchronized (this) {
                waiting.add(new Item<>(value, sink));
                start = !sending;
                sending = true;
            }
            if (start) {
                sendNext();
            }
        });
    }

    private void sendNext() {
        List<Item<T, R>> batch;
        synchronized (this) {
            if (waiting.isEmpty()) {
                sending = false;
                return;
            }
            List<Item<T, R>> head = waiting.subList(0, Math.min(maxBatch, waiting.size()));
            batch = new ArrayList<>(head);
            head.clear();
        }
        List<T> values = new ArrayList<>(batch.size());
        batch.forEach(item -> values.add(item.value()));
        Mono.defer(() -> send.apply(values))
            .onErrorResume(failure -> Mono.just(Collections.nCopies(batch.size(), Outcome.failed(failure))))
            .defaultIfEmpty(List.of())
            .subscribe(outcomes -> {
                try {
                    complete(batch, outcomes);
                } finally {
                    sendNext(); // even if a caller's chain throws: otherwise every later write would wait forever
                }
            });
    }

    private static <T, R> void complete(List<Item<T, R>> batch, List<Outcome<R>> outcomes) {
        for (int i = 0; i < batch.size(); i++) {
            MonoSink<R> sink = batch.get(i).sink();
            Outcome<R> outcome = i < outcomes.size() ? outcomes.get(i) : null;
            if (outcome == null) {
                sink.error(new IllegalStateException("a batched store call gave no outcome for this item"));
            } else if (outcome.failure() != null) {
                sink.error(outcome.failure());
            } else {
                sink.success(outcome.value());
            }
        }
    }
}
