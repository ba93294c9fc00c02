package app.chorus.platform.store;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * How long a request waits for a store that is down before it is answered 503 (the driver's default is 30 s, longer
 * than any client waits): {@code chorus.store.unavailable-after}, 5 s unless set. The driver reconnects by itself when
 * the store is back; nothing needs a restart.
 * <p>
 * Connections opened for a burst (a fan-out, a roster import) are closed after {@code chorus.store.pool-idle} (2 min)
 * unused: the driver keeps them for ever otherwise, so a long-running api's sockets grew to its busiest minute's.
 */
@Configuration(proxyBeanMethods = false)
class StoreTimeouts {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer storeUnavailableAfter(@Value("${chorus.store.unavailable-after:5s}") Duration wait) {
        return settings -> settings
            .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(wait.toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(socket -> socket.connectTimeout((int) Math.min(wait.toMillis(), Integer.MAX_VALUE), TimeUnit.MILLISECONDS));
    }

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    MongoClientSettingsBuilderCustomizer idleConnectionsClosed(@Value("${chorus.store.pool-idle:2m}") Duration idle) {
        return settings -> settings.applyToConnectionPoolSettings(pool -> pool.maxConnectionIdleTime(idle.toMillis(), TimeUnit.MILLISECONDS));
    }
}
