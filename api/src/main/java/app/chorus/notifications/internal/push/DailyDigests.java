package app.chorus.notifications.internal.push;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One digest push per device per day ({@code _id} = token:day, unique): the first fan-out to claim a device's
 * day sends the digest, and keeps the claim through its retries; the day's other normal messages are skipped
 * on that device (they wait in the feed).
 */
@Component("notificationsDailyDigests")
public class DailyDigests {

    static final String COLLECTION = "notification_digests";

    private final ReactiveMongoTemplate mongo;

    DailyDigests(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Claims are needed for a day; a real MongoDB drops them after three (the embedded store keeps them). */
    public Mono<Void> createIndexes() {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("claimedAt"),
            new IndexOptions().expireAfter(3L, TimeUnit.DAYS)))).then();
    }

    /** Indexes of the digest targets ({@code d} = day) whose device's digest of that day another fan-out sends. */
    Mono<Set<Integer>> alreadyHeldByOthers(String fanOutId, List<Document> targets) {
        return Flux.range(0, targets.size())
            .filter(i -> targets.get(i).getString("d") != null)
            .flatMap(i -> claim(targets.get(i).getString("t"), targets.get(i).getString("d"), fanOutId)
                .filter(mine -> !mine).map(mine -> i), 16)
            .collect(Collectors.toSet());
    }

    /** Whether this fan-out sends the device's digest of {@code day}. */
    private Mono<Boolean> claim(String token, String day, String fanOutId) {
        String id = token + ":" + day;
        Document claim = new Document("_id", id).append("fanOutId", fanOutId).append("claimedAt", new Date());
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.insertOne(claim)).thenReturn(true)
            .onErrorResume(MongoWriteException.class, e -> e.getError().getCode() != 11000 ? Mono.error(e)
                : Mono.from(c.find(Filters.eq("_id", id)).first()).map(held -> fanOutId.equals(held.getString("fanOutId")))));
    }
}
