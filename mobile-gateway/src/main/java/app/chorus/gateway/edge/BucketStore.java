package app.chorus.gateway.edge;

import app.chorus.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ConnectionString;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Where the rate-limit buckets live. With {@code chorus.gateway.rate-limits.store-uri} (env
 * {@code CHORUS_RATE_LIMIT_STORE_URI}, a MongoDB connection string): in its {@code rate_limit_buckets} collection,
 * shared by every gateway replica, so a limit holds across them (ADR 0299). Without it: in this instance's memory
 * (Caffeine), each replica counting its own share, as one gateway on one machine needs.
 */
@Component
class BucketStore implements DisposableBean {

    static final String COLLECTION = "rate_limit_buckets";
    /** A bucket is kept until it is full again (plus a margin), then forgotten. */
    private static final ExpirationAfterWriteStrategy UNTIL_FULL =
        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));
    private static final Logger log = LoggerFactory.getLogger(BucketStore.class);

    private final MongoClient client;
    private final AsyncProxyManager<String> buckets;

    BucketStore(GatewayProperties properties) {
        String uri = properties.rateLimits().storeUri();
        if (uri == null || uri.isBlank()) {
            this.client = null;
            this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(1_000_000))
                .expirationAfterWrite(UNTIL_FULL).build().asAsync();
            log.info("Rate limits counted in this instance's memory (set CHORUS_RATE_LIMIT_STORE_URI to share them between replicas)");
            return;
        }
        ConnectionString connection = new ConnectionString(uri);
        this.client = MongoClients.create(connection);
        MongoCollection<Document> collection = client
            .getDatabase(Objects.requireNonNullElse(connection.getDatabase(), "chorus")).getCollection(COLLECTION);
        expireOnceFull(collection);
        this.buckets = new MongoBuckets(collection, ClientSideConfig.getDefault()
            .withExpirationAfterWriteStrategy(UNTIL_FULL)
            .withRequestTimeout(properties.rateLimits().storeTimeout())).asAsync();
        log.info("Rate limits shared by the gateway replicas in {}.{}", collection.getNamespace().getDatabaseName(), COLLECTION);
    }

    AsyncProxyManager<String> buckets() {
        return buckets;
    }

    /** A TTL index on {@code expiresAt}; made in the background, a failure leaves full buckets in place (harmless). */
    private static void expireOnceFull(MongoCollection<Document> collection) {
        Mono.from(collection.createIndex(Indexes.ascending(MongoBuckets.EXPIRES_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS)))
            .doOnError(failure -> log.warn("Could not create the TTL index of {}: buckets stay after they are full", COLLECTION, failure))
            .onErrorComplete()
            .subscribe();
    }

    @Override
    public void destroy() {
        if (client != null) {
            client.close();
        }
    }
}
