package app.chorus.directory.internal;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * What a client asked of the store, counted at the driver: commands sent, documents the store returned (cursor
 * batches) and bytes it answered. Deterministic for a given import, unlike its time on a shared machine.
 */
final class StoreTraffic implements CommandListener {

    /** The counts since the last {@link #take()}. */
    record Counts(long commands, long documentsReturned, long bytesReturned) {
    }

    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong documents = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        commands.incrementAndGet();
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        BsonDocument response = event.getResponse();
        BsonDocument cursor = response.getDocument("cursor", null);
        if (cursor != null) {
            documents.addAndGet(cursor.getArray(cursor.containsKey("firstBatch") ? "firstBatch" : "nextBatch", new BsonArray()).size());
        }
        bytes.addAndGet(new RawBsonDocument(response, new BsonDocumentCodec()).getByteBuffer().remaining());
    }

    Counts take() {
        return new Counts(commands.getAndSet(0), documents.getAndSet(0), bytes.getAndSet(0));
    }
}
