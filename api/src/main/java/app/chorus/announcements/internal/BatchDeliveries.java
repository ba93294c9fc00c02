package app.chorus.announcements.internal;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.HashSet;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivered step for a whole fan-out batch. New receipts are inserted in one unordered {@code insertMany}:
 * each insert that succeeds is a first delivery (the unique {@code _id} = announcement|person lets only one
 * writer create it). The people whose receipt already existed are read back in one {@code $in}: the ones
 * already delivered are repeats (they only gain the channel); the rare ones whose receipt exists without a
 * delivery (opened in the feed first) get the per-person conditional update, which only one writer wins.
 * Every common-path operation is served by the {@code _id} index, also in the embedded store.
 */
final class BatchDeliveries {

    static final String COLLECTION = "announcement_receipts";
    private static final int DUPLICATE_KEY = 11000;
    private final ReactiveMongoTemplate mongo;

    BatchDeliveries(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records delivery for distinct {@code people}; emits the ones delivered for the first time. */
    Mono<List<String>> firstTimes(String announcementId, List<String> people, String channel, Instant at) {
        Date when = Date.from(at);
        List<Document> receipts = new ArrayList<>(people.size());
        for (String personId : people) {
            receipts.add(new Document("_id", Receipt.idOf(announcementId, personId)).append("announcementId", announcementId)
                .append("personId", personId).append("deliveredAt", when).append("channels", List.of(channel)));
        }
        return collection()
            .flatMap(c -> Mono.from(c.insertMany(receipts, new InsertManyOptions().ordered(false))))
            .thenReturn(people)
            .onErrorResume(MongoBulkWriteException.class, e -> existing(e, people)
                .flatMap(there -> sortOut(announcementId, there, channel, when)
                    .map(firstOfExisting -> {
                        List<String> first = new ArrayList<>(people);
                        first.removeAll(new HashSet<>(there));
                        first.addAll(firstOfExisting);
                        return first;
                    })));
    }

    private static Mono<List<String>> existing(MongoBulkWriteException e, List<String> people) {
        List<String> there = new ArrayList<>();
        for (BulkWriteError error : e.getWriteErrors()) {
            if (error.getCode() != DUPLICATE_KEY) {
                return Mono.error(e);
            }
            there.add(people.get(error.getIndex()));
        }
        return Mono.just(there);
    }

    /** For people whose receipt was already there: adds the channel; emits the ones delivered only now. */
    private Mono<List<String>> sortOut(String announcementId, List<String> there, String channel, Date when) {
        List<String> ids = there.stream().map(personId -> Receipt.idOf(announcementId, personId)).toList();
        return collection().flatMap(c -> Mono.from(c.updateMany(Filters.in("_id", ids), Updates.addToSet("channels", channel)))
            .thenMany(Flux.from(c.find(Filters.in("_id", ids)).projection(Projections.include("personId", "deliveredAt"))))
            .filter(receipt -> receipt.get("deliveredAt") == null)
            .flatMap(undelivered -> Mono.from(c.updateOne(
                    Filters.and(Filters.eq("_id", undelivered.getString("_id")), Filters.exists("deliveredAt", false)),
                    Updates.set("deliveredAt", when)))
                .filter(result -> result.getModifiedCount() > 0)
                .map(result -> undelivered.getString("personId")))
            .collectList());
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(COLLECTION);
    }
}
