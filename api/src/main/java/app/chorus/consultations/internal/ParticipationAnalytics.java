package app.chorus.consultations.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import app.chorus.shared.SmallGroups;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Taking part, for a consultation's managers: counts by school, year group and role from the kept counters, under the
 * trust's small-number suppression; and, for consultations that are not anonymous, who has not taken part yet.
 */
@Service
public class ParticipationAnalytics {

    private static final int CHECK_BATCH = 200;
    private final ConsultationAccess access;
    private final Participants participants;
    private final AudienceResolver audiences;
    private final DirectoryQueries directory;
    private final ReactiveMongoTemplate mongo;
    private final SmallGroups smallGroups;

    ParticipationAnalytics(ConsultationAccess access, Participants participants, AudienceResolver audiences,
                           DirectoryQueries directory, ReactiveMongoTemplate mongo, SmallGroups smallGroups) {
        this.access = access;
        this.participants = participants;
        this.audiences = audiences;
        this.directory = directory;
        this.mongo = mongo;
        this.smallGroups = smallGroups;
    }

    public Mono<ParticipationView> participation(CurrentUser user, String consultationId) {
        return access.manager(user, consultationId).then(participants.counts(consultationId)).map(counts -> {
            long total = counts.get("total", Number.class).longValue();
            boolean hideTotal = total > 0 && smallGroups.hides(total);
            return new ParticipationView(consultationId, hideTotal ? null : total, hideTotal, smallGroups.minimum(),
                groups(counts.get("school", Document.class)), groups(counts.get("year", Document.class)),
                groups(counts.get("role", Document.class)));
        });
    }

    /** A page of people asked who have not taken part, in the directory's order; the cursor is the last one listed. */
    public Mono<Page<NotYetHeard>> notYetHeard(CurrentUser user, String consultationId, String cursor, int limit) {
        int size = PositionCursor.atMost(limit, 100);
        requireCursor(cursor);
        return access.manager(user, consultationId).flatMap(reader -> {
            if (reader.consultation().anonymous()) {
                return Mono.error(Problems.conflict("consultationId", "anonymous-consultation",
                    "This consultation is anonymous: who took part is not kept, so nobody can be listed."));
            }
            return audiences.resolveAfter(reader.consultation().audience(), cursor)
                .buffer(CHECK_BATCH)
                .concatMap(batch -> unheard(consultationId, batch), 1)
                .take(size + 1L)
                .collectList()
                .flatMap(found -> {
                    List<AudienceMember> page = found.size() > size ? found.subList(0, size) : found;
                    return named(page).map(named -> Page.of(named, found.size() > size ? page.get(size - 1).personId() : null));
                });
        });
    }

    /** The members of the batch who have not taken part, in the batch's order. */
    private Flux<AudienceMember> unheard(String consultationId, List<AudienceMember> batch) {
        List<String> ids = batch.stream().map(member -> consultationId + "|" + member.personId()).toList();
        Query query = Query.query(Criteria.where("_id").in(ids));
        query.fields().include("personId");
        return mongo.find(query, Document.class, Participants.PEOPLE).map(document -> document.getString("personId"))
            .collect(Collectors.toSet())
            .flatMapMany(heard -> Flux.fromIterable(batch).filter(member -> !heard.contains(member.personId())));
    }

    private Mono<List<NotYetHeard>> named(List<AudienceMember> people) {
        return Flux.fromIterable(people).concatMap(member -> directory.person(member.personId())
            .map(person -> new NotYetHeard(member.personId(), person.displayName(), member.role().key(), person.email()))
            .defaultIfEmpty(new NotYetHeard(member.personId(), member.personId(), member.role().key(), null))).collectList();
    }

    private List<ParticipationView.Group> groups(Document counts) {
        Map<String, Long> people = new TreeMap<>();
        if (counts != null) {
            counts.forEach((key, value) -> people.put(key, ((Number) value).longValue()));
        }
        Set<String> hidden = smallGroups.hiddenGroups(people);
        return people.entrySet().stream().map(group -> hidden.contains(group.getKey())
            ? new ParticipationView.Group(group.getKey(), null, true)
            : new ParticipationView.Group(group.getKey(), group.getValue(), false)).toList();
    }

    private static void requireCursor(String cursor) {
        if (cursor != null && !cursor.matches("[A-Za-z0-9._:-]{1,100}")) {
            throw Problems.invalid("cursor", "malformed-cursor", "Use the 'next' value of the previous page as the cursor.");
        }
    }
}
