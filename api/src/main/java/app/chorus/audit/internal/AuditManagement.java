package app.chorus.audit.internal;

import app.chorus.audit.AuditTrail;
import app.chorus.identity.CurrentUser;
import app.chorus.identity.Role;
import app.chorus.shared.Csv;
import app.chorus.shared.Page;
import app.chorus.shared.PositionCursor;
import app.chorus.shared.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reading the audit (trust leaders and the privacy officer), verifying its chains (the privacy officer) and
 * forgetting a person. Newest first, paged by a cursor; the CSV export streams in batches and is itself audited.
 */
@Service
public class AuditManagement implements AuditTrail {

    static final int MAX_PAGE = 200;
    private static final int CSV_BATCH = 500;
    private static final List<String> CSV_HEADER = List.of("at", "kind", "school", "actor", "actorId", "subject",
        "reason", "chain", "seq", "hash");

    private final ReactiveMongoTemplate mongo;
    private final Actors actors;
    private final AuditRecorder recorder;
    private final CheckpointSeal seal;

    AuditManagement(ReactiveMongoTemplate mongo, Actors actors, AuditRecorder recorder, CheckpointSeal seal) {
        this.mongo = mongo;
        this.actors = actors;
        this.recorder = recorder;
        this.seal = seal;
    }

    public Mono<Page<AuditView>> entries(CurrentUser user, AuditFilter filter, String cursor, int limit) {
        requireReader(user);
        int size = PositionCursor.limit(limit, MAX_PAGE);
        PositionCursor after = PositionCursor.decode(cursor);
        return query(filter, after).flatMap(query -> mongo.find(query.limit(size + 1), AuditEntry.class).collectList())
            .flatMap(found -> views(found.subList(0, Math.min(size, found.size()))).map(views -> {
                AuditView last = views.isEmpty() ? null : views.get(views.size() - 1);
                String next = found.size() > size ? new PositionCursor(last.at(), last.id()).encode() : null;
                return Page.of(views, next);
            }));
    }

    /** Every act the filter matches as CSV records (header first); recorded as an export by the caller. */
    public Flux<String> csv(CurrentUser user, AuditFilter filter) {
        requireReader(user);
        Act exported = new Act("audit-exported:" + UUID.randomUUID(), "audit-exported", null, user.personId(),
            "audit", describe(filter), null);
        Flux<String> rows = query(filter, null).flatMapMany(query -> mongo.find(query, AuditEntry.class))
            .buffer(CSV_BATCH)
            .concatMap(batch -> views(batch).flatMapIterable(views -> views))
            .map(AuditManagement::csvRecord);
        return recorder.record(exported).thenMany(Flux.concat(Mono.just(Csv.record(CSV_HEADER)), rows));
    }

    public Flux<ChainReport> verify(CurrentUser user) {
        if (!user.has(Role.PRIVACY_OFFICER)) {
            throw Problem.forbidden("not-privacy-officer", "Only the privacy officer verifies the audit's chains.");
        }
        return ChainVerifier.verifyAll(mongo, seal);
    }

    @Override
    public Mono<Boolean> forget(String personId) {
        return actors.forget(personId);
    }

    private static void requireReader(CurrentUser user) {
        if (!user.hasAny(Role.TRUST_LEADER, Role.PRIVACY_OFFICER)) {
            throw Problem.forbidden("not-audit-reader", "The audit is read by trust leaders and the privacy officer.");
        }
    }

    private Mono<Query> query(AuditFilter filter, PositionCursor after) {
        Mono<String> actor = filter.actorId() == null ? Mono.just("")
            : actors.knownPseudonymOf(filter.actorId()).defaultIfEmpty("nobody-known");
        return actor.map(pseudonym -> {
            List<Criteria> all = new ArrayList<>(filter.criteria(pseudonym));
            if (after != null) {
                all.add(new Criteria().orOperator(Criteria.where("at").lt(after.at()),
                    Criteria.where("at").is(after.at()).and("_id").lt(after.id())));
            }
            Query query = all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all));
            return query.with(Sort.by(Sort.Order.desc("at"), Sort.Order.desc("_id")));
        });
    }

    private Mono<List<AuditView>> views(List<AuditEntry> entries) {
        List<String> pseudonyms = entries.stream().map(AuditEntry::actor).filter(a -> !Actors.SYSTEM.equals(a))
            .distinct().toList();
        Mono<Map<String, String>> persons = pseudonyms.isEmpty() ? Mono.just(Map.of()) : actors.personsOf(pseudonyms);
        return persons.map(known -> entries.stream().map(entry -> AuditView.of(entry, known.get(entry.actor()))).toList());
    }

    private static String csvRecord(AuditView view) {
        return Csv.record(java.util.Arrays.asList(view.at().toString(), view.kind(), view.schoolId(), view.actor(),
            view.actorId(), view.subject(), view.reason(), view.chain(), Long.toString(view.seq()), view.hash()));
    }

    private static String describe(AuditFilter filter) {
        return "school=" + Objects.toString(filter.school(), "") + " actor=" + Objects.toString(filter.actorId(), "")
            + " kind=" + Objects.toString(filter.kind(), "") + " from=" + Objects.toString(filter.from(), "")
            + " to=" + Objects.toString(filter.to(), "");
    }
}
