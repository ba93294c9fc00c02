package app.chorus.directory.internal.store;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes a real MongoDB needs for the directory's queries (the embedded store accepts and ignores them).
 * The hot paths are primary-key lookups (a person's keys, their access) and one pass over
 * {@code audienceKeys} (resolving an audience).
 */
@Component
public class DirectoryIndexes {

    private final ReactiveMongoTemplate mongo;

    public DirectoryIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationStartedEvent.class)
    public void create() {
        Flux.concat(
            mongo.indexOps(Collections.PEOPLE).createIndex(new Index().on("audienceKeys", Sort.Direction.ASC).named("audience_keys")),
            mongo.indexOps(Collections.PEOPLE).createIndex(new Index().on("schoolIds", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                .named("school_kind")),
            mongo.indexOps(Collections.PEOPLE).createIndex(new Index().on("username", Sort.Direction.ASC).named("username").sparse()),
            mongo.indexOps(Collections.PEOPLE).createIndex(new Index().on(PersonNames.KEYS, Sort.Direction.ASC)
                .on(PersonNames.SORT, Sort.Direction.ASC).named("name_keys")),
            mongo.indexOps(Collections.PEOPLE).createIndex(new Index().on("leadsSchoolIds", Sort.Direction.ASC).named("leads_schools")),
            mongo.indexOps(Collections.PEOPLE).createIndex(new Index().on(Collections.ROSTER_IMPORT, Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("roster_import")),
            mongo.indexOps(Collections.LEAVERS).createIndex(new Index().on(Collections.ROSTER_IMPORT, Sort.Direction.ASC)
                .on("_id", Sort.Direction.ASC).named("roster_import")),
            mongo.indexOps(Collections.CLASSES).createIndex(new Index().on("schoolId", Sort.Direction.ASC).on("_id", Sort.Direction.ASC)
                .named("school_classes"))
        ).then().block();
    }
}
