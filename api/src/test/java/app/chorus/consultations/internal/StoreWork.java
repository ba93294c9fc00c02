package app.chorus.consultations.internal;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts, at the driver, the documents the store returns from some collections and the statements written to them:
 * what an import and its listeners ask of the store, independent of the machine's speed.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StoreWork implements CommandListener {

    /** The collections whose traffic is counted. */
    static final Set<String> COUNTED = Set.of("directory_people", "directory_leavers", "directory_roster_rows",
        "directory_roster_sources", RosterReach.REACH, RosterReach.DEPARTURES);

    private final Map<Integer, String> collectionOf = new ConcurrentHashMap<>();
    private final AtomicLong documentsRead = new AtomicLong();
    private final AtomicLong statementsWritten = new AtomicLong();

    /** Documents read and statements written since the last call. */
    record Counts(long documentsRead, long statementsWritten) {

        long total() {
            return documentsRead + statementsWritten;
        }
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countStoreWork() {
        return settings -> settings.addCommandListener(this);
    }

    Counts take() {
        return new Counts(documentsRead.getAndSet(0), statementsWritten.getAndSet(0));
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        String name = event.getCommandName();
        String collection = "getMore".equals(name) ? command.getString("collection").getValue()
            : command.get(name) != null && command.get(name).isString() ? command.getString(name).getValue() : null;
        if (collection == null || !COUNTED.contains(collection)) {
            return;
        }
        collectionOf.put(event.getRequestId(), collection);
        for (String statements : new String[] {"updates", "documents", "deletes"}) {
            if (command.containsKey(statements)) {
                statementsWritten.addAndGet(command.getArray(statements).size());
            }
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (collectionOf.remove(event.getRequestId()) == null) {
            return;
        }
        BsonDocument cursor = event.getResponse().getDocument("cursor", null);
        if (cursor != null) {
            documentsRead.addAndGet(cursor.getArray(cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch", new BsonArray()).size());
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        collectionOf.remove(event.getRequestId());
    }
}
