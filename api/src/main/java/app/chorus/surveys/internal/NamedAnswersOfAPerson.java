package app.chorus.surveys.internal;

import app.chorus.rights.PersonalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** A person's answers to named surveys, for a subject access export (the only answers that name anyone). */
@Component
class NamedAnswersOfAPerson implements PersonalDataSource {

    private final ReactiveMongoTemplate mongo;

    NamedAnswersOfAPerson(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String section() {
        return "survey-answers";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        return mongo.find(Query.query(Criteria.where("personId").is(personId)), Document.class, Responses.COLLECTION)
            .map(response -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("surveyId", response.getString("surveyId"));
                item.put("aboutPupil", response.getString("pupilId"));
                item.put("submittedAt", response.get("submittedAt"));
                item.put("answers", response.get("answers"));
                return item;
            });
    }
}
