package app.chorus.notifications.internal;

import app.chorus.notifications.PushMessage;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Who opened what ({@code _id} = source:sourceId:personId): the email fallback skips people who did. */
@Component("notificationsOpens")
public class Opens {

    static final String COLLECTION = "notification_opens";

    private final ReactiveMongoTemplate mongo;

    Opens(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Boolean> record(String source, String sourceId, String personId, Instant at) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", key(source, sourceId, personId)),
                Updates.setOnInsert("openedAt", Date.from(at)), new UpdateOptions().upsert(true))))
            .map(result -> result.getUpsertedId() != null);
    }

    public Mono<Boolean> opened(PushMessage message, String personId) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.countDocuments(
                Filters.eq("_id", key(message.source(), message.sourceId(), personId)))))
            .map(count -> count > 0);
    }

    private static String key(String source, String sourceId, String personId) {
        return source + ":" + sourceId + ":" + personId;
    }
}
