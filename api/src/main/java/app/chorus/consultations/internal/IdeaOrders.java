package app.chorus.consultations.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The order a reader's "by support" listing started with ({@code consultation_idea_orders}): the first page ranks
 * the visible ideas by support then id and stores that list of ids; the cursor names the stored order and an
 * offset, so later pages neither skip nor repeat an idea while supports keep arriving (counts shown are current).
 * Orders are dropped an hour after they were made (ADR 0120).
 */
@Component
class IdeaOrders {

    static final String COLLECTION = "consultation_idea_orders";
    private static final long KEEP_SECONDS = 3600;
    private final ReactiveMongoTemplate mongo;

    IdeaOrders(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Ranks the ideas matching {@code visible} now and stores the order; completes with its id. */
    Mono<String> start(Query visible, Instant now) {
        Query ranked = Query.of(visible).with(Sort.by(Sort.Order.desc("supports"), Sort.Order.asc("_id")));
        ranked.fields().include("_id");
        String orderId = "ord-" + new ObjectId().toHexString();
        return mongo.find(ranked, Document.class, Idea.COLLECTION).map(idea -> idea.getString("_id")).collectList()
            .flatMap(ids -> mongo.insert(new Document("_id", orderId).append("ids", ids).append("at", Date.from(now)), COLLECTION))
            .then(forget(now))
            .thenReturn(orderId);
    }

    /** {@code limit} ids from {@code offset} of a stored order; empty when the order is unknown or expired. */
    Mono<List<String>> slice(String orderId, int offset, int limit) {
        return mongo.findById(orderId, Document.class, COLLECTION).map(order -> {
            List<String> ids = order.getList("ids", String.class);
            return ids.subList(Math.min(offset, ids.size()), Math.min(offset + limit, ids.size()));
        });
    }

    private Mono<Void> forget(Instant now) {
        return mongo.remove(Query.query(Criteria.where("at").lt(Date.from(now.minusSeconds(KEEP_SECONDS)))), COLLECTION).then();
    }
}
