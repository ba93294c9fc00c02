package app.chorus.directory.internal.store;

import app.chorus.platform.ReadsById;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Collection;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads of person documents: by sourcedId (primary key) or by audience key (one pass, multikey index). */
@Component
public class People {

    static final int BATCH = 1_000;

    private final ReactiveMongoTemplate mongo;
    // every request reads its person (access, a carer's children): those in flight together share one $in read
    private final ReadsById<Person> byId = new ReadsById<>(this::find, Person::id);

    public People(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Person> find(String id) {
        return byId.find(id);
    }

    /** Many people in one read ({@code $in}); unknown ids are left out. */
    public Flux<Person> find(Collection<String> ids) {
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> people.find(Filters.in("_id", ids)))
            .map(Person::from);
    }

    /** A page of people in sourcedId order, after {@code afterId} (null: from the start). */
    public Flux<Person> after(String afterId, int limit) {
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> people
            .find(afterId == null ? new Document() : Filters.gt("_id", afterId))
            .sort(new Document("_id", 1)).limit(limit).batchSize(limit))
            .map(Person::from);
    }

    /** The people the roster import created or last changed, in sourcedId order after {@code afterId} (null: from the start). */
    public Flux<Person> changedBy(String importId, String afterId, int limit) {
        var filter = afterId == null ? Filters.eq(Collections.ROSTER_IMPORT, importId)
            : Filters.and(Filters.eq(Collections.ROSTER_IMPORT, importId), Filters.gt("_id", afterId));
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> people.find(filter)
            .sort(new Document("_id", 1)).limit(limit).batchSize(limit))
            .map(Person::from);
    }

    /** Only the audience keys of one person. */
    public Mono<Document> keys(String id) {
        return mongo.getCollection(Collections.PEOPLE).flatMap(people -> Mono.from(people.find(Filters.eq("_id", id))
            .projection(Projections.include("audienceKeys")).first()));
    }

    public Flux<Document> keys(Collection<String> ids) {
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> people.find(Filters.in("_id", ids))
            .projection(Projections.include("audienceKeys")));
    }

    /** Everyone holding any of the keys, streamed in driver batches (the driver asks for more as they are consumed). */
    public Flux<Document> withAnyKey(Collection<String> keys) {
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> people
            .find(Filters.in("audienceKeys", keys))
            .projection(Projections.include("kind", "schoolIds", "children", "preferredLanguage"))
            .batchSize(BATCH));
    }

    /** The ids of those the roster names as leading the school, in id order (multikey index on leadsSchoolIds). */
    public Flux<String> leading(String schoolId) {
        return mongo.getCollection(Collections.PEOPLE).flatMapMany(people -> people.find(Filters.eq("leadsSchoolIds", schoolId))
            .projection(Projections.include("_id")).sort(new Document("_id", 1)))
            .map(document -> document.getString("_id"));
    }

    public Mono<Long> count() {
        return mongo.getCollection(Collections.PEOPLE).flatMap(people -> Mono.from(people.estimatedDocumentCount()));
    }
}
