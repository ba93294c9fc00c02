package app.chorus.announcements.internal;

import app.chorus.directory.AudienceReach;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** One counters document per announcement ({@code announcement_reach}), updated with {@code $inc}. */
@Component
class ReachCounters {

    static final String COLLECTION = "announcement_reach";
    private static final String GIVEN_UP = "pushesGivenUp";
    enum Step { DELIVERED, OPENED, ACKNOWLEDGED }

    /** Where a recipient counts: their roles, schools and year groups ({@code SCHOOL:YEAR}) within the audience. */
    record Dims(Set<String> roles, Set<String> schools, Set<String> yearGroups) {
    }

    private final ReactiveMongoTemplate mongo;

    ReachCounters(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Void> count(String announcementId, Step step, Dims dims) {
        return count(announcementId, step, List.of(dims));
    }

    /** Counts several recipients in one {@code $inc} (the dims summed in memory). */
    Mono<Void> count(String announcementId, Step step, Collection<Dims> recipients) {
        if (recipients.isEmpty()) {
            return Mono.empty();
        }
        String prefix = step.name().toLowerCase();
        Map<String, Long> sums = new HashMap<>();
        sums.put(prefix + ".total", (long) recipients.size());
        for (Dims dims : recipients) {
            dims.roles().forEach(role -> sums.merge(prefix + ".byRole." + safe(role), 1L, Long::sum));
            dims.schools().forEach(school -> sums.merge(prefix + ".bySchool." + safe(school), 1L, Long::sum));
            dims.yearGroups().forEach(year -> sums.merge(prefix + ".byYearGroup." + safe(year), 1L, Long::sum));
        }
        Update update = new Update();
        sums.forEach(update::inc);
        return mongo.upsert(byId(announcementId), update, COLLECTION).then();
    }

    /** Pushes given up for a reason (their lifetime ran out, FCM refused them): one {@code $inc}. */
    Mono<Void> givenUp(String announcementId, String reason, long count) {
        if (count <= 0) {
            return Mono.empty();
        }
        return mongo.upsert(byId(announcementId), new Update().inc(GIVEN_UP + "." + safe(reason), count), COLLECTION).then();
    }

    /** Records the audience an announcement went out to (the denominator of every rate). */
    Mono<Void> baseline(String announcementId, AudienceReach reach) {
        Document bySchool = new Document();
        reach.bySchool().forEach((school, roles) -> {
            Document perRole = new Document();
            roles.forEach((role, count) -> perRole.put(role.key(), count));
            bySchool.put(safe(school), perRole);
        });
        Update update = new Update().set("audience", reach.people()).set("audienceBySchool", bySchool);
        return mongo.upsert(byId(announcementId), update, COLLECTION).then();
    }

    Mono<ReachReport> report(String announcementId) {
        return mongo.findOne(byId(announcementId), Document.class, COLLECTION)
            .defaultIfEmpty(new Document())
            .map(document -> toReport(announcementId, document));
    }

    private static ReachReport toReport(String announcementId, Document document) {
        Map<String, Map<String, Long>> audienceBySchool = new LinkedHashMap<>();
        Document schools = document.get("audienceBySchool", new Document());
        schools.forEach((school, roles) -> audienceBySchool.put(school, longs((Document) roles)));
        return new ReachReport(announcementId, number(document.get("audience")), audienceBySchool,
            tally(document, "delivered"), tally(document, "opened"), tally(document, "acknowledged"),
            longs(document.get(GIVEN_UP, new Document())));
    }

    private static ReachReport.Tally tally(Document document, String step) {
        Document counts = document.get(step, new Document());
        return new ReachReport.Tally(number(counts.get("total")), longs(counts.get("bySchool", new Document())),
            longs(counts.get("byYearGroup", new Document())), longs(counts.get("byRole", new Document())));
    }

    private static Map<String, Long> longs(Document document) {
        Map<String, Long> values = new LinkedHashMap<>();
        document.forEach((key, value) -> values.put(key, number(value)));
        return values;
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }

    private static Query byId(String announcementId) {
        return Query.query(Criteria.where("_id").is(announcementId));
    }

    /** Field names may not contain '.' or start with '$'. */
    private static String safe(String name) {
        return name.replace('.', '_').replace('$', '_');
    }
}
