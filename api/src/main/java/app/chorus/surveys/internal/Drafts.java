package app.chorus.surveys.internal;

import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers saved as you go ({@code survey_drafts}), keyed like the participation mark and deleted on submission. */
@Component
public class Drafts {

    public static final String COLLECTION = "survey_drafts";

    private final ReactiveMongoTemplate mongo;

    Drafts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Void> save(String participationId, String surveyId, Map<String, Object> answers, Instant now) {
        Update update = new Update().set("surveyId", surveyId).set("answers", new Document(answers)).set("savedAt", now);
        return mongo.upsert(byId(participationId), update, COLLECTION).then();
    }

    public Mono<Document> find(String participationId) {
        return mongo.findById(participationId, Document.class, COLLECTION);
    }

    public Mono<Boolean> exists(String participationId) {
        return mongo.exists(byId(participationId), COLLECTION);
    }

    public Mono<Void> delete(String participationId) {
        return mongo.remove(byId(participationId), COLLECTION).then();
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
