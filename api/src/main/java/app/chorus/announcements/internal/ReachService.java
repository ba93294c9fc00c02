package app.chorus.announcements.internal;

import app.chorus.shared.PositionCursor;
import app.chorus.directory.AccessPolicy;
import app.chorus.directory.AudienceMember;
import app.chorus.directory.AudienceResolver;
import app.chorus.directory.AudienceRole;
import app.chorus.directory.DirectoryQueries;
import app.chorus.identity.CurrentUser;
import app.chorus.shared.Page;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reach analytics for authors and leaders: counters, a live stream of them, and who has not acknowledged. */
@Service
public class ReachService {

    private static final int CHECK_BATCH = 100;
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final AccessPolicy policy;
    private final AnnouncementManagement management;
    private final ReachCounters counters;
    private final AudienceResolver resolver;
    private final ReactiveMongoTemplate mongo;
    private final DirectoryQueries directory;

    ReachService(AccessPolicy policy, AnnouncementManagement management, ReachCounters counters,
                 AudienceResolver resolver, ReactiveMongoTemplate mongo, DirectoryQueries directory) {
        this.policy = policy;
        this.management = management;
        this.counters = counters;
        this.resolver = resolver;
        this.mongo = mongo;
        this.directory = directory;
    }

    public Mono<ReachReport> report(CurrentUser user, String id) {
        return managed(user, id).flatMap(announcement -> counters.report(id));
    }

    /**
     * A snapshot now and whenever the counters change (checked every {@code every}); ends when the client leaves, or
     * with an error when one look at the counters takes longer than {@link #READ_LIMIT}: a stream stuck behind one read
     * would otherwise stay open and silent, and the client reconnects (ADR 0414).
     */
    public Flux<ReachReport> stream(CurrentUser user, String id, Duration every) {
        return managed(user, id).flatMapMany(announcement -> Flux.interval(Duration.ZERO, every)
            .onBackpressureDrop()
            .concatMap(tick -> counters.report(id).timeout(READ_LIMIT))
            .distinctUntilChanged());
    }

    /** Carers in the audience who have not acknowledged yet, in the directory's order, a page at a time. */
    public Mono<Page<CarerToFollowUp>> unacknowledged(CurrentUser user, String id, String cursor, int limit) {
        int size = PositionCursor.atMost(limit, 500);
        return managed(user, id).flatMap(announcement -> resolver.resolveAfter(announcement.audience(), cursor)
            .filter(member -> member.role() == AudienceRole.CARERS)
            .buffer(CHECK_BATCH)
            .concatMap(batch -> withoutAcknowledgement(id, batch))
            .take(size + 1L)
            .collectList()
            .flatMap(found -> {
                List<AudienceMember> page = found.size() > size ? found.subList(0, size) : found;
                String next = found.size() > size ? found.get(size - 1).personId() : null;
                return named(page).map(carers -> Page.of(carers, next));
            }));
    }

    /** One directory read for the whole page: names, and the children in scope with their classes. */
    private Mono<List<CarerToFollowUp>> named(List<AudienceMember> page) {
        if (page.isEmpty()) {
            return Mono.just(List.of());
        }
        return directory.carers(page.stream().map(AudienceMember::personId).toList())
            .map(carers -> page.stream().map(member -> CarerToFollowUp.of(member, carers.get(member.personId()))).toList());
    }

    private Flux<AudienceMember> withoutAcknowledgement(String id, List<AudienceMember> batch) {
        List<String> receiptIds = batch.stream().map(member -> Receipt.idOf(id, member.personId())).toList();
        Query acknowledged = Query.query(Criteria.where("_id").in(receiptIds).and("acknowledgedAt").exists(true));
        return mongo.find(acknowledged, Receipt.class).map(Receipt::personId).collect(Collectors.toSet())
            .flatMapMany(done -> Flux.fromIterable(batch).filter(member -> !done.contains(member.personId())));
    }

    private Mono<Announcement> managed(CurrentUser user, String id) {
        return policy.accessOf(user).flatMap(access -> management.manageable(access, id));
    }
}
