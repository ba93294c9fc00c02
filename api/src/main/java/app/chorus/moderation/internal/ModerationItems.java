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
    private final ItemDocuments documents;

    ModerationItems(ReactiveMongoTemplate mongo, ItemDocuments documents) {
        this.mongo = mongo;
        this.documents = documents;
    }

    Mono<ModerationItem> find(ContributionRef ref) {
        return mongo.findById(ref.key(), Document.class, COLLECTION).map(documents::fromDocument);
    }

    /** Removes an item whose text was erased at its source, unless it holds a safeguarding concern. */
    Mono<Void> removeUnlessConcern(ContributionRef ref) {
        return mongo.remove(Query.query(Criteria.where("_id").is(ref.key()).and("concern").is(null)), COLLECTION).then();
    }

    /** Inserts a new item; empty when another request inserted it first. */
    Mono<ModerationItem> insert(ModerationItem item) {
        return mongo.insert(documents.toDocument(item), COLLECTION).thenReturn(item)
            .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.empty());
    }

    /** Saves over the version it was read at; empty when someone else saved in between. */
    Mono<ModerationItem> save(ModerationItem item) {
        ModerationItem next = new ModerationItem(item.contribution(), item.visibility(), item.queued(), item.reports(),
            item.decisions(), item.review(), item.concern(), item.submittedAt(), item.version() + 1);
        Query current = Query.query(Criteria.where("_id").is(item.ref().key()).and("version").is(item.version()));
        return mongo.findAndReplace(current, documents.toDocument(next), COLLECTION)
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
        return mongo.find(query, Document.class, COLLECTION).map(documents::fromDocument);
    }

    private Flux<ModerationItem> page(Criteria criteria, Instant afterAt, String afterId, int limit) {
        Criteria position = afterAt == null ? new Criteria() : new Criteria().orOperator(
            Criteria.where("submittedAt").gt(Date.from(afterAt)),
            Criteria.where("submittedAt").is(Date.from(afterAt)).and("_id").gt(afterId));
        Query query = Query.query(new Criteria().andOperator(criteria, position))
            .with(Sort.by("submittedAt", "_id")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).map(documents::fromDocument);
    }
}
