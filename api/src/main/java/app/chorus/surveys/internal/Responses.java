package app.chorus.surveys.internal;

import app.chorus.platform.BulkWrites;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Submitted answers ({@code survey_responses}): a random {@code _id}, the survey, the breakdown cell and the answers.
 * Only named surveys add the person; anonymous ones keep the day, not the time.
 */
@Component
public class Responses {

    public static final String COLLECTION = "survey_responses";

    private final ReactiveMongoTemplate mongo;
    private final BulkWrites bulk;

    Responses(ReactiveMongoTemplate mongo, BulkWrites bulk) {
        this.mongo = mongo;
        this.bulk = bulk;
    }

    /** Inserts once; a retry of the same response id returns the document stored first. */
    public Mono<Document> insertOnce(Document response) {
        return bulk.insert(COLLECTION, response).thenReturn(response)
            .onErrorResume(DuplicateKeyException.class, duplicate -> find(response.getString("_id")));
    }

    public Mono<Document> find(String responseId) {
        return mongo.findById(responseId, Document.class, COLLECTION);
    }

    public Flux<Document> ofSurvey(String surveyId) {
        return mongo.find(Query.query(Criteria.where("surveyId").is(surveyId)), Document.class, COLLECTION);
    }

    /** One page of responses in id order after {@code cursor}. */
    public Flux<Document> page(String surveyId, String cursor, int limit) {
        Criteria criteria = Criteria.where("surveyId").is(surveyId);
        if (cursor != null && !cursor.isBlank()) {
            criteria = criteria.and("_id").gt(cursor);
        }
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Document.class, COLLECTION);
    }

    public Mono<Boolean> moderate(String surveyId, String responseId, String questionId, String state) {
        Query query = Query.query(Criteria.where("_id").is(responseId).and("surveyId").is(surveyId)
            .and("answers." + questionId).exists(true));
        return mongo.updateFirst(query, new Update().set("moderation." + questionId, state), COLLECTION)
            .map(result -> result.getMatchedCount() > 0);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> answersOf(Document response) {
        return (Map<String, Object>) response.get("answers", Document.class);
    }
}
