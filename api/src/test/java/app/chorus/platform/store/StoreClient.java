package app.chorus.platform.store;

import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The real reactive MongoDB driver, connected over TCP to a store under test. */
final class StoreClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final MongoClient client;

    StoreClient(InetSocketAddress address) {
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()
            + "/?serverSelectionTimeoutMS=10000");
    }

    MongoCollection<Document> collection(String name) {
        return database("chorus").getCollection(name);
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    List<String> collectionNames() {
        return Flux.from(client.getDatabase("chorus").listCollectionNames()).collectList().block(TIMEOUT);
    }

    static <T> T await(Publisher<T> publisher) {
        return Mono.from(publisher).block(TIMEOUT);
    }

    /** Every document of a collection by {@code _id}, in {@code _id} order. */
    Map<Object, Document> all(String name) {
        Map<Object, Document> documents = new LinkedHashMap<>();
        Flux.from(collection(name).find().sort(Sorts.ascending("_id"))).toStream()
            .forEach(document -> documents.put(document.get("_id"), document));
        return documents;
    }

    @Override
    public void close() {
        client.close();
    }
}
