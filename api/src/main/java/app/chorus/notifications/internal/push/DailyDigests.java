package app.chorus.notifications.internal.push;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One digest push per device per day ({@code _id} = token:day, unique): the first fan-out to claim a device's
 * day sends the digest, and keeps the claim through its retries; the day's other normal messages are skipped
 * on that device (they wait in the feed).
 */
@Component("notificationsDailyDigests")
class DailyDigests {

    static final String COLLECTION = "notification_digests";

    private final ReactiveMongoTemplate mongo;

    DailyDigests(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Whether this fan-out sends the device's digest of {@code day}. */
    Mono<Boolean> claim(String token, String day, String fanOutId) {
        String id = token + ":" + day;
        Document claim = new Document("_id", id).append("fanOutId", fanOutId).append("claimedAt", new Date());
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(claim)).thenReturn(true)
            .onErrorResume(MongoWriteException.class, e -> e.getError().getCode() != 11000 ? Mono.error(e)
                : Mono.from(c.find(Filters.eq("_id", id)).first()).map(held -> fanOutId.equals(held.getString("fanOutId")))));
    }
}
