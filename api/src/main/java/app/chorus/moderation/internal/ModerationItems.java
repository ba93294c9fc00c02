package app.chorus.moderation.internal;

import app.chorus.moderation.Contribution;
import app.chorus.moderation.ContributionRef;
import app.chorus.moderation.Visibility;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code moderation_items}: one document per contribution, keyed {@code kind:id}. Saved whole over the version it was
 * read at (a single-document compare-and-set), so concurrent reports and decisions never lose one another.
 */
@Component
class ModerationItems {

    static final String COLLECTION = "moderation_items";
    /** The last decision's moment (derived, for the retention purge), null while nobody decided. */
    static final String DECIDED_AT = "decidedAt";
    private final ReactiveMongoTemplate mongo;

    ModerationItems(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<ModerationItem> find(ContributionRef ref) {
        return mongo.findById(ref.key(), Document.class, COLLECTION).map(ModerationItems::fromDocument);
    }

    /** Removes an item whose text was erased at its source, unless it holds a safeguarding concern. */
    Mono<Void> removeUnlessConcern(ContributionRef ref) {
        return mongo.remove(Query.query(Criteria.where("_id").is(ref.key()).and("concern").is(null)), COLLECTION).then();
    }

    /** Inserts a new item; empty when another request inserted it first. */
    Mono<ModerationItem> insert(ModerationItem item) {
        return mongo.insert(toDocument(item), COLLECTION).thenReturn(item)
            .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
    }

    /** Saves over the version it was read at; empty when someone else saved in between. */
    Mono<ModerationItem> save(ModerationItem item) {
        ModerationItem next = new ModerationItem(item.contribution(), item.visibility(), item.queued(), item.reports(),
            item.decisions(), item.review(), item.concern(), item.submittedAt(), item.version() + 1);
        Query current = Query.query(Criteria.where("_id").is(item.ref().key()).and("version").is(item.version()));
        return mongo.findAndReplace(current, toDocument(next), COLLECTION)
            .map(previous -> next);
    }

    /** What needs a moderator in these schools (null in the set: trust-wide places), oldest first. */
    Flux<ModerationItem> queue(Collection<String> schoolIds, Instant afterAt, String afterId, int limit) {
        Criteria inScope = Criteria.where("schoolId").in(new HashSet<>(schoolIds));
        return page(Criteria.where("queued").ne(null).andOperator(inScope), afterAt, afterId, limit);
    }

    /** Concerns in these schools, or escalated ones when {@code escalatedOnly}, oldest first. */
    Flux<ModerationItem> concerns(Collection<String> schoolIds, boolean escalatedOnly, Instant afterAt, String afterId, int limit) {
        Criteria scope = escalatedOnly ? Criteria.where("concern.escalatedAt").ne(null)
            : Criteria.where("concern.schoolIds").in(new HashSet<>(schoolIds));
        return page(Criteria.where("concern").ne(null).andOperator(scope), afterAt, afterId, limit);
    }

    /** Concerns whose leads were not told yet, or unacknowledged since before {@code raisedBefore}. */
    Flux<ModerationItem> concernsToFollowUp(Instant raisedBefore, int limit) {
        Criteria untold = Criteria.where("concern.notifiedAt").is(null);
        Criteria overdue = Criteria.where("concern.acknowledgedAt").is(null).and("concern.raisedAt").lte(Date.from(raisedBefore))
            .and("concern.escalationNotifiedAt").is(null);
        Query query = Query.query(Criteria.where("concern").ne(null).orOperator(untold, overdue)).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(ModerationItems::fromDocument);
    }

    private Flux<ModerationItem> page(Criteria criteria, Instant afterAt, String afterId, int limit) {
        Criteria position = afterAt == null ? new Criteria() : new Criteria().orOperator(
            Criteria.where("submittedAt").gt(Date.from(afterAt)),
            Criteria.where("submittedAt").is(Date.from(afterAt)).and("_id").gt(afterId));
        Query query = Query.query(new Criteria().andOperator(criteria, position))
            .with(Sort.by("submittedAt", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(ModerationItems::fromDocument);
    }

    static Document toDocument(ModerationItem item) {
        Contribution c = item.contribution();
        return new Document("_id", c.ref().key()).append("kind", c.ref().kind()).append("itemId", c.ref().id())
            .append("title", c.title()).append("text", c.text()).append("schoolId", c.schoolId())
            .append("safeguardingSchools", List.copyOf(c.safeguardingSchools()))
            .append("authorPersonId", c.authorPersonId()).append("byPupil", c.byPupil())
            .append("visibility", item.visibility().name())
            .append("queued", item.queued() == null ? null : item.queued().name())
            .append("reports", item.reports().stream().map(r -> new Document("by", r.by()).append("reason", r.reason())
                .append("at", Date.from(r.at()))).toList())
            .append("decisions", item.decisions().stream().map(d -> new Document("by", d.by())
                .append("visibility", d.visibility().name()).append("reason", d.reason()).append("at", Date.from(d.at()))).toList())
            .append("review", item.review() == null ? null : new Document("reason", item.review().reason())
                .append("at", Date.from(item.review().at())).append("excludedModerator", item.review().excludedModerator())
                .append("decidedAt", date(item.review().decidedAt())))
            .append("concern", item.concern() == null ? null : concernDocument(item.concern()))
            .append("submittedAt", Date.from(item.submittedAt())).append("version", item.version())
            .append(DECIDED_AT, item.decisions().isEmpty() ? null : Date.from(item.decisions().get(item.decisions().size() - 1).at()));
    }

    private static Document concernDocument(ModerationItem.Concern concern) {
        return new Document("phrases", List.copyOf(concern.phrases())).append("schoolIds", List.copyOf(concern.schoolIds()))
            .append("raisedAt", date(concern.raisedAt())).append("notifiedAt", date(concern.notifiedAt()))
            .append("acknowledgedAt", date(concern.acknowledgedAt())).append("acknowledgedBy", concern.acknowledgedBy())
            .append("note", concern.note()).append("escalatedAt", date(concern.escalatedAt()))
            .append("escalationNotifiedAt", date(concern.escalationNotifiedAt()));
    }

    static ModerationItem fromDocument(Document d) {
        Contribution contribution = new Contribution(new ContributionRef(d.getString("kind"), d.getString("itemId")),
            d.getString("title"), d.getString("text"), d.getString("schoolId"),
            new HashSet<>(d.getList("safeguardingSchools", String.class, List.of())), d.getString("authorPersonId"),
            d.getBoolean("byPupil", false));
        List<ModerationItem.Report> reports = d.getList("reports", Document.class, List.of()).stream()
            .map(r -> new ModerationItem.Report(r.getString("by"), r.getString("reason"), instant(r.getDate("at")))).toList();
        List<ModerationItem.Decision> decisions = d.getList("decisions", Document.class, List.of()).stream()
            .map(x -> new ModerationItem.Decision(x.getString("by"), Visibility.valueOf(x.getString("visibility")),
                x.getString("reason"), instant(x.getDate("at")))).toList();
        Document r = d.get("review", Document.class);
        ModerationItem.Review review = r == null ? null : new ModerationItem.Review(r.getString("reason"),
            instant(r.getDate("at")), r.getString("excludedModerator"), instant(r.getDate("decidedAt")));
        Document c = d.get("concern", Document.class);
        ModerationItem.Concern concern = c == null ? null : new ModerationItem.Concern(
            new HashSet<>(c.getList("phrases", String.class, List.of())), new HashSet<>(c.getList("schoolIds", String.class, List.of())),
            instant(c.getDate("raisedAt")), instant(c.getDate("notifiedAt")), instant(c.getDate("acknowledgedAt")),
            c.getString("acknowledgedBy"), c.getString("note"), instant(c.getDate("escalatedAt")),
            instant(c.getDate("escalationNotifiedAt")));
        String queued = d.getString("queued");
        return new ModerationItem(contribution, Visibility.valueOf(d.getString("visibility")),
            queued == null ? null : ModerationItem.QueueReason.valueOf(queued), reports, decisions, review, concern,
            instant(d.getDate("submittedAt")), d.get("version", Number.class).longValue());
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
