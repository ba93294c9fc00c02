package app.chorus.gateway.edge;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.bson.Document;
import org.bson.types.Binary;
import reactor.core.publisher.Mono;

/**
 * Bucket4j's compare-and-swap buckets on a MongoDB collection, shared by every gateway replica: one document per
 * bucket, {@code {_id: key, state: bytes, expiresAt}}. Bucket4j reads the state, computes the new one and asks to
 * swap; the swap is one {@code updateOne} matching the state it read (or an insert for a new bucket, refused by the
 * unique {@code _id} when another replica made it first), and Bucket4j retries when another replica won.
 * {@code expiresAt} is when the bucket is full again; a TTL index removes it after that on a real MongoDB.
 */
final class MongoBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String STATE = "state";
    static final String EXPIRES_AT = "expiresAt";

    private final MongoCollection<Document> buckets;

    MongoBuckets(MongoCollection<Document> buckets, ClientSideConfig config) {
        super(config);
        this.buckets = buckets;
    }

    @Override
    public boolean isAsyncModeSupported() {
        return true;
    }

    /** Every swap writes {@code expiresAt}. */
    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        return new AsyncCompareAndSwapOperation() {
            @Override
            public CompletableFuture<Optional<byte[]>> getStateData(Optional<Long> timeoutNanos) {
                return within(Mono.from(buckets.find(Filters.eq("_id", key)).first())
                    .map(bucket -> Optional.of(bucket.get(STATE, Binary.class).getData()))
                    .defaultIfEmpty(Optional.empty()), timeoutNanos).toFuture();
            }

            @Override
            public CompletableFuture<Boolean> compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state,
                                                             Optional<Long> timeoutNanos) {
                return within(swap(key, original, updated, state), timeoutNanos).toFuture();
            }
        };
    }

    /** Blocking form, for Bucket4j's synchronous API; the gateway's filter uses only the asynchronous one. */
    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        AsyncCompareAndSwapOperation async = beginAsyncCompareAndSwapOperation(key);
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return async.getStateData(timeoutNanos).join();
            }

            @Override
            public boolean compareAndSwap(byte[] original, byte[] updated, RemoteBucketState state, Optional<Long> timeoutNanos) {
                return async.compareAndSwap(original, updated, state, timeoutNanos).join();
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        removeAsync(key).join();
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return Mono.from(buckets.deleteOne(Filters.eq("_id", key))).then().toFuture();
    }

    private Mono<Boolean> swap(String key, byte[] original, byte[] updated, RemoteBucketState state) {
        Date expiresAt = expiresAt(state);
        if (original == null) {
            Document bucket = new Document("_id", key).append(STATE, new Binary(updated));
            if (expiresAt != null) {
                bucket.append(EXPIRES_AT, expiresAt);
            }
            return Mono.from(buckets.insertOne(bucket)).thenReturn(true)
                .onErrorResume(MongoWriteException.class, failure -> failure.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                    ? Mono.just(false) : Mono.error(failure));
        }
        return Mono.from(buckets.updateOne(Filters.and(Filters.eq("_id", key), Filters.eq(STATE, new Binary(original))),
                Updates.combine(Updates.set(STATE, new Binary(updated)), Updates.set(EXPIRES_AT, expiresAt))))
            .map(result -> result.getMatchedCount() == 1);
    }

    private Date expiresAt(RemoteBucketState state) {
        return getClientSideConfig().getExpirationAfterWriteStrategy()
            .map(strategy -> new Date(System.currentTimeMillis() + strategy.calculateTimeToLiveMillis(state, currentTimeNanos())))
            .orElse(null);
    }

    private static <T> Mono<T> within(Mono<T> operation, Optional<Long> timeoutNanos) {
        return timeoutNanos.map(nanos -> operation.timeout(Duration.ofNanos(nanos))).orElse(operation);
    }
}
