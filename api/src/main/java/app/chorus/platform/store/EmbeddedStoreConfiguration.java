package app.chorus.platform.store;

import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded store in this JVM when {@code spring.mongodb.uri} (env {@code MONGODB_URI}) is empty,
 * and points the real reactive driver at it over TCP.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoMongoUriCondition.class)
class EmbeddedStoreConfiguration {

    /** The key of the data folder, from the deployment's secrets (ADR 0350). */
    @Bean
    StoreCipher storeCipher(StoreProperties properties,
                            @Value("${chorus.secrets.store-keyset-file:}") String keysetFile,
                            @Value("${chorus.secrets.dev-dir:.chorus/secrets}") Path devDir) {
        return StoreCipher.load(keysetFile, devDir, properties.dataDir(), true);
    }

    @Bean(destroyMethod = "close")
    EmbeddedStore embeddedStore(StoreProperties properties, StoreCipher cipher) {
        return EmbeddedStore.start(properties.dataDir(), cipher,
            new InetSocketAddress(properties.host(), properties.port()), properties.fsync());
    }

    @Bean
    MongoConnectionDetails embeddedStoreConnection(EmbeddedStore store, StoreProperties properties) {
        String uri = "mongodb://" + store.address().getHostString() + ":" + store.address().getPort() + "/" + properties.database();
        ConnectionString connection = new ConnectionString(uri);
        return () -> connection;
    }
}
