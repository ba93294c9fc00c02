package app.chorus.opinions.internal;

import app.chorus.rights.PersonalDataSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The statements a person wrote and the votes they cast in opinion maps, for a subject access export. */
@Component
class OpinionsOfAPerson implements PersonalDataSource {

    private final ReactiveMongoTemplate mongo;

    OpinionsOfAPerson(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public String section() {
        return "opinions";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        Flux<Map<String, Object>> statements = mongo.find(Query.query(Criteria.where("authorPersonId").is(personId))
            .with(Sort.by("_id")), Statement.class, Statement.COLLECTION).map(statement -> {
                Map<String, Object> item = item("statement", statement.conversationId(), statement.createdAt());
                item.put("text", statement.text());
                item.put("visibility", statement.visibility());
                return item;
            });
        Flux<Map<String, Object>> votes = mongo.find(Query.query(Criteria.where("participantId").is(personId))
            .with(Sort.by("_id")), StoredVote.class, StoredVote.COLLECTION).map(vote -> {
                Map<String, Object> item = item("vote", vote.conversationId(), Instant.ofEpochMilli(vote.at()));
                item.put("statementId", vote.statementId());
                item.put("vote", vote.value());
                return item;
            });
        return Flux.concat(statements, votes);
    }

    private static Map<String, Object> item(String type, String conversationId, Instant at) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", type);
        item.put("conversationId", conversationId);
        item.put("at", at);
        return item;
    }
}
