package app.chorus.audit.internal;

import app.chorus.rights.PersonalDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** The acts the audit recorded a person doing, for a subject access export. */
@Component
class ActsOfAPerson implements PersonalDataSource {

    private final ReactiveMongoTemplate mongo;
    private final Actors actors;

    ActsOfAPerson(ReactiveMongoTemplate mongo, Actors actors) {
        this.mongo = mongo;
        this.actors = actors;
    }

    @Override
    public String section() {
        return "audit";
    }

    @Override
    public Flux<Map<String, Object>> about(String personId) {
        return actors.knownPseudonymOf(personId).flatMapMany(pseudonym -> mongo.find(Query.query(Criteria.where("actor")
            .is(pseudonym)).with(Sort.by("at")), AuditEntry.class))
            .map(entry -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("at", entry.at());
                item.put("kind", entry.kind());
                item.put("schoolId", entry.schoolId());
                item.put("subject", entry.subject());
                item.put("reason", entry.reason());
                return item;
            });
    }
}
