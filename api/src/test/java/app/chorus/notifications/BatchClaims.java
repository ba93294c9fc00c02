package app.chorus.notifications;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonValue;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Counts, at the driver, the fan-out workers' looks for a due batch that found none: what an idle instance costs the store. */
@TestConfiguration(proxyBeanMethods = false)
public class BatchClaims implements CommandListener {

    private final Set<Integer> looking = ConcurrentHashMap.newKeySet();
    private final AtomicLong foundNothing = new AtomicLong();

    @Bean
    MongoClientSettingsBuilderCustomizer countBatchClaims() {
        return settings -> settings.addCommandListener(this);
    }

    /** Looks for any due batch (not a claim of a named one) that found none, since the context started. */
    public long foundNothing() {
        return foundNothing.get();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue collection = event.getCommand().get("findAndModify");
        if (collection != null && "notification_batches".equals(collection.asString().getValue())
            && event.getCommand().getDocument("query").containsKey("$or")) {
            looking.add(event.getRequestId());
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (looking.remove(event.getRequestId()) && event.getResponse().isNull("value")) {
            foundNothing.incrementAndGet();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        looking.remove(event.getRequestId());
    }
}
