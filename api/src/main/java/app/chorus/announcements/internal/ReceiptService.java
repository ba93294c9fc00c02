package app.chorus.announcements.internal;

import app.chorus.announcements.AnnouncementReceipts;
import app.chorus.announcements.internal.ReachCounters.Dims;
import app.chorus.announcements.internal.ReachCounters.Step;
import app.chorus.directory.Audience;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Receipts: one document per (announcement, person). Opened and acknowledged are recorded by one conditional
 * upsert that only matches while the step is missing, so the first call wins, repeats hit the unique {@code _id}
 * and change nothing, and only the first call increments the reach counters. Delivered comes per fan-out batch
 * ({@link BatchDeliveries}, ADR 0080): the same first-wins rule, one counters {@code $inc} per batch.
 */
@Service
class ReceiptService implements AnnouncementReceipts {

    private static final Logger log = LoggerFactory.getLogger(ReceiptService.class);
    private final ReactiveMongoTemplate mongo;
    private final FeedRecipients recipients;
    private final ReachCounters counters;
    private final ChangeSequence sequence;
    private final BatchDeliveries deliveries;
    private final ReaderStates readers;

    ReceiptService(ReactiveMongoTemplate mongo, FeedRecipients recipients, ReachCounters counters, ChangeSequence sequence,
                   ReaderStates readers) {
        this.readers = readers;
        this.mongo = mongo;
        this.deliveries = new BatchDeliveries(mongo);
        this.recipients = recipients;
        this.counters = counters;
        this.sequence = sequence;
    }

    @Override
    public Mono<Void> recordDelivered(String announcementId, String personId, String channel, Instant at) {
        return recordDelivered(announcementId, List.of(personId), channel, at);
    }

    @Override
    public Mono<Void> recordDelivered(String announcementId, Collection<String> personIds, String channel, Instant when) {
        String id = baseId(announcementId);
        List<String> people = List.copyOf(new LinkedHashSet<>(personIds));
        if (people.isEmpty()) {
            return Mono.empty();
        }
        Instant at = when.truncatedTo(ChronoUnit.MILLIS);
        return mongo.findById(id, Announcement.class)
            .switchIfEmpty(Mono.defer(() -> {
                log.warn("Receipts of {} people for unknown announcement {} ignored", people.size(), id);
                return Mono.empty();
            }))
            .flatMap(announcement -> deliveries.firstTimes(id, people, channel, at)
                .filter(first -> !first.isEmpty())
                .flatMap(first -> recipients.keysOf(first).flatMap(keys -> counters.count(id, Step.DELIVERED,
                    first.stream().map(personId -> dims(keys.getOrDefault(personId, Set.of()), announcement)).toList()))));
    }

    @Override
    public Mono<Void> recordPushesGivenUp(String announcementId, String reason, long count) {
        return counters.givenUp(baseId(announcementId), reason, count);
    }

    @Override
    public Mono<Void> recordOpened(String announcementId, String personId, Instant at) {
        return record(baseId(announcementId), personId, Step.OPENED, at).then();
    }

    @Override
    public Mono<Boolean> opened(String announcementId, String personId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(Receipt.idOf(baseId(announcementId), personId))
            .and(field(Step.OPENED)).exists(true)), Receipt.class);
    }

    /** Acknowledging implies having opened it. Emits the acknowledgement time that stands (the first one). */
    Mono<Void> recordAcknowledged(String announcementId, String personId, Instant at) {
        return record(announcementId, personId, Step.OPENED, at)
            .then(record(announcementId, personId, Step.ACKNOWLEDGED, at))
            .then();
    }

    static String baseId(String eventId) {
        int at = eventId.indexOf('@');
        return at < 0 ? eventId : eventId.substring(0, at);
    }

    private Mono<Boolean> record(String announcementId, String personId, Step step, Instant when) {
        Instant at = when.truncatedTo(ChronoUnit.MILLIS);
        return mongo.findById(announcementId, Announcement.class)
            .switchIfEmpty(Mono.defer(() -> {
                log.warn("Receipt for unknown announcement {} ignored", announcementId);
                return Mono.empty();
            }))
            .flatMap(announcement -> firstTime(announcementId, personId, step, at)
                .flatMap(first -> afterRecording(announcement, personId, step, at, first).thenReturn(first)));
    }

    private Mono<Boolean> firstTime(String announcementId, String personId, Step step, Instant at) {
        String field = field(step);
        Query missing = Query.query(Criteria.where("_id").is(Receipt.idOf(announcementId, personId)).and(field).exists(false));
        Update update = new Update().set(field, at).setOnInsert("announcementId", announcementId).setOnInsert("personId", personId);
        return mongo.upsert(missing, update, Receipt.class)
            .map(result -> result.getModifiedCount() > 0 || result.getUpsertedId() != null)
            .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.just(false));
    }

    private Mono<Void> afterRecording(Announcement announcement, String personId, Step step, Instant at, boolean first) {
        Mono<Void> count = first
            ? recipients.of(personId).flatMap(recipient -> counters.count(announcement.id(), step, dims(recipient, announcement)))
            : Mono.empty();
        return count.then(step == Step.DELIVERED ? Mono.empty() : markReader(announcement.id(), personId, step, at, first));
    }

    private Mono<Void> markReader(String announcementId, String personId, Step step, Instant at, boolean first) {
        String mark = "items." + announcementId + ".";
        Mono<Update> update = Mono.just(new Update().min(mark + field(step), at));
        if (first) {
            update = sequence.next().map(seq -> new Update().min(mark + field(step), at).set(mark + "seq", seq));
        }
        return update.flatMap(change -> readers.update(personId, change));
    }

    private static String field(Step step) {
        return switch (step) {
            case DELIVERED -> "deliveredAt";
            case OPENED -> "openedAt";
            case ACKNOWLEDGED -> "acknowledgedAt";
        };
    }

    /** Roles, schools and year groups of this person that the announcement's audience covers. */
    static Dims dims(Recipient recipient, Announcement announcement) {
        return dims(recipient.keys(), announcement);
    }

    static Dims dims(Set<String> keys, Announcement announcement) {
        Set<String> audienceRoles = new HashSet<>();
        announcement.audience().roles().forEach(role -> audienceRoles.add(role.key()));
        Set<String> scopeSchools = scopeSchools(announcement);
        Set<String> roles = new HashSet<>();
        Set<String> schools = new HashSet<>();
        Set<String> years = new HashSet<>();
        for (String key : keys) {
            int slash = key.lastIndexOf('/');
            String role = key.substring(slash + 1);
            if (!audienceRoles.contains(role)) {
                continue;
            }
            String scope = key.substring(0, slash);
            if (scope.startsWith("school:") && inScope(scope.substring(7), scopeSchools)) {
                schools.add(scope.substring(7));
                roles.add(role);
            } else if (scope.startsWith("year:") && inScope(scope.substring(5, scope.lastIndexOf(':')), scopeSchools)) {
                years.add(scope.substring(5));
            }
        }
        if (roles.isEmpty()) {
            roles.addAll(audienceRoles.size() == 1 ? audienceRoles : Set.of());
        }
        return new Dims(roles, schools, years);
    }

    private static Set<String> scopeSchools(Announcement announcement) {
        Audience audience = announcement.audience();
        return switch (audience.scope()) {
            case TRUST -> null;
            case SCHOOLS -> audience.ids();
            case YEAR_GROUPS -> {
                Set<String> schools = new HashSet<>();
                audience.ids().forEach(id -> schools.add(id.substring(0, id.indexOf(':'))));
                yield schools;
            }
            case CLASSES -> announcement.schoolId() == null ? Set.of() : Set.of(announcement.schoolId());
        };
    }

    private static boolean inScope(String schoolId, Set<String> scopeSchools) {
        return scopeSchools == null || scopeSchools.contains(schoolId);
    }
}
