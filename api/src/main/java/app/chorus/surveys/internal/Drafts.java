package app.chorus.surveys.internal;

import app.chorus.shared.Problem;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers saved as you go: the unit's participation mark in state DRAFT (ADR 0059), keyed like every mark, so that
 * submitting turns it into the PENDING mark in the same write and no separate draft is left to delete.
 */
@Component
public class Drafts {

    private final ReactiveMongoTemplate mongo;

    Drafts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Saves the answers; a unit already answered (a mark in another state) gets a 409. */
    public Mono<Void> save(String participationId, String surveyId, Map<String, Object> answers, Instant now) {
        Update update = new Update().set("surveyId", surveyId).set("answers", new Document(answers)).set("savedAt", now);
        return mongo.upsert(draft(participationId), update, Participations.COLLECTION).then()
            .onErrorMap(DuplicateKeyException.class, answered -> Problem.conflict("already-answered",
                "This survey was already answered; drafts are closed."));
    }

    public Mono<Document> find(String participationId) {
        return mongo.findOne(draft(participationId), Document.class, Participations.COLLECTION);
    }

    public Mono<Boolean> exists(String participationId) {
        return mongo.exists(draft(participationId), Participations.COLLECTION);
    }

    private static Query draft(String participationId) {
        return Query.query(Criteria.where("_id").is(participationId).and("state").is(Participations.DRAFT));
    }
}
