package app.chorus.notifications.internal;

import app.chorus.announcements.AnnouncementReceipts;
import app.chorus.notifications.PushMessage;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who opened what ({@code _id} = source:sourceId:personId): the email fallback skips people who did. An
 * announcement also counts as opened when it was read in the feed (the app or the portal), which the
 * announcements module records without telling notifications.
 */
@Component("notificationsOpens")
public class Opens {

    static final String COLLECTION = "notification_opens";

    private final ReactiveMongoTemplate mongo;
    private final ObjectProvider<AnnouncementReceipts> announcements;

    Opens(ReactiveMongoTemplate mongo, ObjectProvider<AnnouncementReceipts> announcements) {
        this.mongo = mongo;
        this.announcements = announcements;
    }

    public Mono<Boolean> record(String source, String sourceId, String personId, Instant at) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", key(source, sourceId, personId)),
                Updates.setOnInsert("openedAt", Date.from(at)), new UpdateOptions().upsert(true))))
            .map(result -> result.getUpsertedId() != null);
    }

    public Mono<Boolean> opened(PushMessage message, String personId) {
        return mongo.getCollection(COLLECTION).flatMap(c -> Mono.from(c.countDocuments(
                Filters.eq("_id", key(message.source(), message.sourceId(), personId)))))
            .flatMap(count -> count > 0 ? Mono.just(true) : openedInFeed(message, personId));
    }

    private Mono<Boolean> openedInFeed(PushMessage message, String personId) {
        AnnouncementReceipts receipts = announcements.getIfAvailable();
        if (receipts == null || !ReachFeedback.ANNOUNCEMENT.equals(message.source())) {
            return Mono.just(false);
        }
        return receipts.opened(message.sourceId(), personId);
    }

    private static String key(String source, String sourceId, String personId) {
        return source + ":" + sourceId + ":" + personId;
    }
}
