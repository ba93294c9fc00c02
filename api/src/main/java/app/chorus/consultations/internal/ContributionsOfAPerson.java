package app.chorus.consultations.internal;

import app.chorus.rights.PersonalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * A person's ideas, comments and named supports in consultations, for a subject access export. Supports given in
 * anonymous consultations are stored under a keyed hash with no person, so they are not found (by design).
 */
@Component
class ContributionsOfAPerson implements PersonalDataSource {

    private final ReactiveMongoTemplate mongo;

    ContributionsOfAPerson(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String section() {
        return "consultation-contributions";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        return Flux.concat(
            find(Idea.COLLECTION, "authorId", personId).map(idea -> item("idea", idea, "title", "body", "category", "visibility")),
            find(Comment.COLLECTION, "authorId", personId).map(comment -> item("comment", comment, "ideaId", "stance", "body",
                "visibility")),
            find(Supports.COLLECTION, "personId", personId).map(support -> item("support", support, "ideaId")));
    }

    private Flux<Document> find(String collection, String field, String personId) {
        return mongo.find(Query.query(Criteria.where(field).is(personId)).with(Sort.by("_id")), Document.class, collection);
    }

    private static Map<String, Object> item(String type, Document stored, String... fields) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("consultationId", stored.getString("consultationId"));
        for (String field : fields) {
            item.put(field, stored.get(field));
        }
        item.put("at", stored.get(stored.containsKey("createdAt") ? "createdAt" : "at"));
        return item;
    }
}
