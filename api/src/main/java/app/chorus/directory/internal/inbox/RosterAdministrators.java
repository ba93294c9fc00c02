package app.chorus.directory.internal.inbox;

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
 * Who hears that a scheduled import failed: the people named in {@code chorus.roster.inbox.notify-people}, and every trust
 * administrator who has read the inbox or imported a roster (learnt then, so nobody has to remember to add them).
 * One document, {@code roster_administrators/trust}.
 */
@Component
public class RosterAdministrators {

    static final String COLLECTION = "roster_administrators";
    private static final String TRUST = "trust";

    private final ReactiveMongoTemplate mongo;
    private final RosterInboxProperties properties;

    RosterAdministrators(ReactiveMongoTemplate mongo, RosterInboxProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    public Mono<Void> learn(String personId) {
        if (personId == null || personId.isBlank()) {
            return Mono.empty();
        }
        return mongo.upsert(Query.query(Criteria.where("_id").is(TRUST)), new Update().addToSet("personIds", personId), COLLECTION)
            .then();
    }

    /** Their person ids, sorted, each once. */
    public Flux<String> all() {
        return mongo.findById(TRUST, Document.class, COLLECTION)
            .map(doc -> doc.getList("personIds", String.class, List.of()))
            .defaultIfEmpty(List.of())
            .flatMapMany(learnt -> Flux.fromIterable(learnt).concatWithValues(properties.notifyPeople().toArray(String[]::new)))
            .distinct().sort();
    }
}
