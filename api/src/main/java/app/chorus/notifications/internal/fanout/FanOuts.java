package app.chorus.notifications.internal.fanout;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.notifications.PushMessage;
import app.chorus.notifications.Urgency;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * One document per fan-out ({@code _id} = {@code source:sourceId:vN}, so a repeated event finds the one already
 * there). It holds the message and the planning checkpoint: how many audience members and chunks are planned,
 * under a lease so one instance plans at a time and another resumes when it dies.
 */
@Component("notificationsFanOuts")
class FanOuts {

    static final String COLLECTION = "notification_fanouts";
    static final String PLANNING = "PLANNING";
    static final String SENDING = "SENDING";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";

    private final ReactiveMongoTemplate mongo;

    FanOuts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private Mono<MongoCollection<Document>> collection() {
        return mongo.getCollection(COLLECTION);
    }

    /**
     * Creates the fan-out, whose pushes are retried until {@code expiresAt} (ADR 0343); completes false when it already
     * exists (an at-least-once repeat).
     */
    Mono<Boolean> create(PushMessage message, Instant now, Instant expiresAt) {
        Document job = new Document("_id", message.fanOutId()).append("message", toDocument(message))
            .append("sourceId", message.sourceId()).append("state", PLANNING).append("expiresAt", Date.from(expiresAt))
            .append("plannedMembers", 0L).append("plannedChunks", 0L)
            .append("leaseUntil", Date.from(now)).append("createdAt", Date.from(now));
        return collection().flatMap(c -> Mono.from(c.insertOne(job))).thenReturn(true)
            .onErrorResume(com.mongodb.MongoWriteException.class, e -> e.getError().getCode() == 11000
                ? Mono.just(false) : Mono.error(e));
    }

    Mono<Document> find(String fanOutId) {
        return collection().flatMap(c -> Mono.from(c.find(Filters.eq("_id", fanOutId)).first()));
    }

    /** Takes a fan-out whose planning is unowned or whose planner's lease ran out. */
    Mono<Document> claimPlanning(String owner, Instant now, Instant leaseUntil) {
        Bson free = Filters.and(Filters.eq("state", PLANNING), Filters.lt("leaseUntil", Date.from(now)));
        return collection().flatMap(c -> Mono.from(c.findOneAndUpdate(free,
            Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(leaseUntil))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }

    Mono<Document> claimPlanning(String fanOutId, String owner, Instant now, Instant leaseUntil) {
        Bson free = Filters.and(Filters.eq("_id", fanOutId), Filters.eq("state", PLANNING),
            Filters.lt("leaseUntil", Date.from(now)));
        return collection().flatMap(c -> Mono.from(c.findOneAndUpdate(free,
            Updates.combine(Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(leaseUntil))),
            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))));
    }

    /** Moves the checkpoint after a chunk's batches are stored; false when the lease was lost or it was cancelled. */
    Mono<Boolean> checkpoint(String fanOutId, String owner, long members, long chunks, Instant leaseUntil) {
        return collection().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", fanOutId), Filters.eq("owner", owner), Filters.eq("state", PLANNING)),
                Updates.combine(Updates.set("plannedMembers", members), Updates.set("plannedChunks", chunks),
                    Updates.set("leaseUntil", Date.from(leaseUntil))))))
            .map(result -> result.getMatchedCount() > 0);
    }

    Mono<Boolean> planned(String fanOutId, String owner, Instant now) {
        return collection().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", fanOutId), Filters.eq("owner", owner), Filters.eq("state", PLANNING)),
                Updates.combine(Updates.set("state", SENDING), Updates.set("plannedAt", Date.from(now)), Updates.unset("owner")))))
            .map(result -> result.getMatchedCount() > 0);
    }

    Mono<Void> finished(String fanOutId, Instant now) {
        return collection().flatMap(c -> Mono.from(c.updateOne(
            Filters.and(Filters.eq("_id", fanOutId), Filters.eq("state", SENDING)),
            Updates.combine(Updates.set("state", DONE), Updates.set("finishedAt", Date.from(now)))))).then();
    }

    Mono<Void> cancel(String sourceId) {
        return collection().flatMap(c -> Mono.from(c.updateMany(
            Filters.and(Filters.eq("sourceId", sourceId), Filters.in("state", PLANNING, SENDING)),
            Updates.set("state", CANCELLED)))).then();
    }

    /** Until when the fan-out's pushes matter; one stored before ADR 0343 counts its lifetime from its creation. */
    static Instant expiresAt(Document job, Duration lifetime) {
        Date expiresAt = job.getDate("expiresAt");
        return expiresAt != null ? expiresAt.toInstant() : job.getDate("createdAt").toInstant().plus(lifetime);
    }

    static Document toDocument(PushMessage message) {
        Audience audience = message.audience();
        return new Document("source", message.source()).append("sourceId", message.sourceId())
            .append("version", message.version()).append("schoolId", message.schoolId())
            .append("audience", audience == null ? null : new Document("scope", audience.scope().name())
                .append("ids", List.copyOf(audience.ids()))
                .append("roles", audience.roles().stream().map(Enum::name).toList()))
            .append("group", message.group())
            .append("urgency", message.urgency().name())
            .append("titles", new Document(Map.copyOf(message.titles())))
            .append("bodies", new Document(Map.copyOf(message.bodies())))
            .append("defaultLanguage", message.defaultLanguage());
    }

    static PushMessage fromDocument(Document job) {
        Document m = job.get("message", Document.class);
        Document a = m.get("audience", Document.class);
        Audience audience = a == null ? null : new Audience(Audience.Scope.valueOf(a.getString("scope")),
            Set.copyOf(a.getList("ids", String.class)),
            Set.copyOf(a.getList("roles", String.class).stream().map(AudienceRole::valueOf).toList()));
        return new PushMessage(m.getString("source"), m.getString("sourceId"), m.getInteger("version"),
            m.getString("schoolId"), audience, Urgency.valueOf(m.getString("urgency")), strings(m.get("titles", Document.class)),
            strings(m.get("bodies", Document.class)), m.getString("defaultLanguage"), m.getString("group"));
    }

    private static Map<String, String> strings(Document document) {
        Map<String, String> map = new java.util.HashMap<>();
        document.forEach((key, value) -> map.put(key, String.valueOf(value)));
        return map;
    }
}
