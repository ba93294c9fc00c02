package app.chorus.notifications.internal.devices;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One document per person ({@code _id} = person id) holding their devices and preferences, so planning a
 * fan-out reads one document per recipient by primary key. Token ownership and retirement live in
 * {@code notification_tokens} ({@code _id} = token: one owner per token, by the unique primary key).
 */
@Component("notificationsRecipients")
public class Recipients {

    static final String RECIPIENTS = "notification_recipients";
    static final String TOKENS = "notification_tokens";

    private final ReactiveMongoTemplate mongo;

    Recipients(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    private Mono<MongoCollection<Document>> recipients() {
        return mongo.getCollection(RECIPIENTS);
    }

    private Mono<MongoCollection<Document>> tokens() {
        return mongo.getCollection(TOKENS);
    }

    public Mono<Void> createIndexes() {
        return recipients().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("devices.token"))))
            .then(tokens().flatMap(c -> Mono.from(c.createIndex(Indexes.ascending("personId"), new IndexOptions()))))
            .then();
    }

    /** What planning a fan-out needs of the recipients among {@code personIds}: tokens, platforms, preferences. */
    public Flux<Document> forPlanning(Collection<String> personIds) {
        return recipients().flatMapMany(c -> c.find(Filters.in("_id", personIds))
            .projection(new Document("devices.token", 1).append("devices.platform", 1).append("preferences", 1)));
    }

    /** Devices and preferences only, of the recipients among {@code personIds}: for counting, by primary key. */
    public Flux<Document> devicesAndPreferences(Collection<String> personIds) {
        return recipients().flatMapMany(c -> c.find(Filters.in("_id", personIds))
            .projection(new Document("devices.token", 1).append("preferences.channels", 1)));
    }

    public Mono<Document> find(String personId) {
        return recipients().flatMap(c -> Mono.from(c.find(Filters.eq("_id", personId)).first()));
    }

    public Mono<Document> tokenClaim(String token) {
        return tokens().flatMap(c -> Mono.from(c.find(Filters.eq("_id", token)).first()));
    }

    /** Claims the token for this person; completes false when it is already claimed (by anyone). */
    public Mono<Boolean> claimToken(String token, String personId, String installationId) {
        Document claim = new Document("_id", token).append("personId", personId).append("installationId", installationId)
            .append("retired", false).append("claimedAt", new Date());
        return tokens().flatMap(c -> Mono.from(c.insertOne(claim)))
            .thenReturn(true)
            .onErrorResume(com.mongodb.MongoWriteException.class, e -> e.getError().getCode() == 11000
                ? Mono.just(false) : Mono.error(e));
    }

    public Mono<Void> releaseToken(String token, String personId) {
        return tokens().flatMap(c -> Mono.from(c.deleteOne(Filters.and(Filters.eq("_id", token),
            Filters.eq("personId", personId), Filters.eq("retired", false))))).then();
    }

    /** Puts the device in the person's document, replacing the entry of the same installation. */
    public Mono<Void> saveDevice(String personId, Device device) {
        Document entry = toDocument(device);
        return recipients().flatMap(c -> Mono.from(c.updateOne(
                Filters.and(Filters.eq("_id", personId), Filters.eq("devices.installationId", device.installationId())),
                Updates.set("devices.$", entry)))
            .flatMap(result -> result.getMatchedCount() > 0 ? Mono.empty()
                : Mono.from(c.updateOne(Filters.eq("_id", personId), Updates.push("devices", entry),
                    new UpdateOptions().upsert(true))).then()))
            .then();
    }

    public Mono<Boolean> removeDevice(String personId, String installationId) {
        return recipients().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", personId),
                Updates.pull("devices", new Document("installationId", installationId)))))
            .map(result -> result.getModifiedCount() > 0);
    }

    /** FCM said the token is dead: it is never used again (the claim stays, marked retired). */
    public Mono<Void> retireToken(String token, String personId, String reason) {
        Mono<Void> claim = tokens().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", token),
            Updates.combine(Updates.set("retired", true), Updates.set("retiredReason", reason),
                Updates.set("retiredAt", new Date()), Updates.setOnInsert("personId", personId)),
            new UpdateOptions().upsert(true)))).then();
        Mono<Void> device = recipients().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", personId),
            Updates.pull("devices", new Document("token", token))))).then();
        return claim.then(device);
    }

    public Mono<Void> savePreferences(String personId, Preferences preferences) {
        return recipients().flatMap(c -> Mono.from(c.updateOne(Filters.eq("_id", personId),
            Updates.set("preferences", toDocument(preferences)), new UpdateOptions().upsert(true)))).then();
    }

    public static List<Device> devicesOf(Document recipient) {
        List<Device> devices = new ArrayList<>();
        if (recipient == null) {
            return devices;
        }
        for (Document entry : recipient.getList("devices", Document.class, List.of())) {
            Date lastSeen = entry.getDate("lastSeen");
            devices.add(new Device(entry.getString("installationId"), entry.getString("token"),
                Platform.valueOf(entry.getString("platform")), entry.getString("appVersion"), entry.getString("locale"),
                lastSeen == null ? null : lastSeen.toInstant()));
        }
        return devices;
    }

    public static Preferences preferencesOf(Document recipient) {
        Document p = recipient == null ? null : recipient.get("preferences", Document.class);
        if (p == null) {
            return Preferences.DEFAULTS;
        }
        return new Preferences(Set.copyOf(p.getList("channels", String.class, List.of())),
            time(p.getString("quietFrom")), time(p.getString("quietUntil")),
            Set.copyOf(p.getList("mutedSchools", String.class, List.of())), p.getString("language"),
            p.getBoolean("dailyDigest", false));
    }

    private static LocalTime time(String value) {
        return value == null ? null : LocalTime.parse(value);
    }

    private static Document toDocument(Device device) {
        return new Document("installationId", device.installationId()).append("token", device.token())
            .append("platform", device.platform().name()).append("appVersion", device.appVersion())
            .append("locale", device.locale()).append("lastSeen", Date.from(device.lastSeen() == null ? Instant.now() : device.lastSeen()));
    }

    private static Document toDocument(Preferences preferences) {
        return new Document("channels", List.copyOf(preferences.channels()))
            .append("quietFrom", preferences.quietFrom() == null ? null : preferences.quietFrom().toString())
            .append("quietUntil", preferences.quietUntil() == null ? null : preferences.quietUntil().toString())
            .append("mutedSchools", List.copyOf(preferences.mutedSchools()))
            .append("language", preferences.language())
            .append("dailyDigest", preferences.dailyDigest());
    }
}
