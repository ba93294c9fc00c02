package app.chorus.moderation.internal;

import app.chorus.moderation.Visibility;
import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Settled moderation records past retention, counted from their last decision: nobody waits on them and they hold no
 * safeguarding concern (those follow {@code safeguardingConcerns}). A removed contribution's item is deleted with its
 * text; a shown one keeps its text, so it can still be reported, but loses its reports and decisions (who, why). Each
 * change re-checks the conditions in one single-document update, so a report or review arriving meanwhile wins.
 */
@Component
class ExpiredModerationDecisions implements ExpiringData {

    private static final int BATCH = 200;
    private final ReactiveMongoTemplate mongo;

    ExpiredModerationDecisions(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.MODERATION_DECISIONS;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        Query settled = Query.query(settled(expiredBefore)).limit(BATCH);
        settled.fields().include("_id", "visibility");
        return Mono.defer(() -> mongo.find(settled, Document.class, ModerationItems.COLLECTION).collectList()
                .flatMap(batch -> batch.isEmpty() ? Mono.just(0L) : purge(batch, expiredBefore)))
            .repeat()
            .takeWhile(purged -> purged > 0);
    }

    private Mono<Long> purge(List<Document> batch, Instant expiredBefore) {
        List<Object> removed = idsWith(batch, Visibility.REMOVED);
        List<Object> shown = idsWith(batch, Visibility.SHOWN);
        Mono<Long> deleted = removed.isEmpty() ? Mono.just(0L) : mongo.remove(among(removed, expiredBefore),
            ModerationItems.COLLECTION).map(result -> result.getDeletedCount());
        Update forgotten = new Update().set("reports", List.of()).set("decisions", List.of()).set("review", null)
            .unset(ModerationItems.DECIDED_AT).inc("version", 1);
        Mono<Long> cleared = shown.isEmpty() ? Mono.just(0L) : mongo.updateMulti(among(shown, expiredBefore), forgotten,
            ModerationItems.COLLECTION).map(result -> result.getModifiedCount());
        return Mono.zip(deleted, cleared, Long::sum);
    }

    private static Criteria settled(Instant expiredBefore) {
        return Criteria.where("concern").is(null).and("queued").is(null)
            .and(ModerationItems.DECIDED_AT).lt(Date.from(expiredBefore));
    }

    private static Query among(List<Object> ids, Instant expiredBefore) {
        return Query.query(settled(expiredBefore).and("_id").in(ids));
    }

    private static List<Object> idsWith(List<Document> batch, Visibility visibility) {
        return batch.stream().filter(item -> visibility.name().equals(item.getString("visibility")))
            .map(item -> item.get("_id")).toList();
    }
}
