package app.chorus.directory.internal.oneroster;

import app.chorus.directory.internal.store.Collections;
import app.chorus.directory.internal.store.PersonNames;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.mongock.api.annotations.ChangeUnit;
import io.mongock.api.annotations.Execution;
import io.mongock.api.annotations.RollbackExecution;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * People stored before search by name (ADR 0327) carry no {@code nameKeys}: each gets its keys and sort name,
 * computed as an import computes them, in one atomic update guarded by the missing keys, so a run cut short is
 * finished by the next start.
 */
@ChangeUnit(id = "directory-0002-people-names-keyed", order = "directory-0002", author = "chorus", transactional = false)
public class PeopleNamesKeyed {

    private static final Logger log = LoggerFactory.getLogger(PeopleNamesKeyed.class);

    @Execution
    public void key(MongoDatabase database) {
        MongoCollection<Document> people = database.getCollection(Collections.PEOPLE);
        AtomicLong done = new AtomicLong();
        Flux.from(people.find(Filters.exists(PersonNames.KEYS, false)).projection(Projections.include("givenName", "familyName")))
            .concatMap(person -> Mono.from(people.updateOne(
                Filters.and(Filters.eq("_id", person.get("_id")), Filters.exists(PersonNames.KEYS, false)),
                Updates.combine(Updates.set(PersonNames.KEYS, PersonNames.keys(person.getString("givenName"), person.getString("familyName"))),
                    Updates.set(PersonNames.SORT, PersonNames.sortKey(person.getString("givenName"), person.getString("familyName")))))))
            .doOnNext(result -> {
                if (done.incrementAndGet() % 1_000 == 0) {
                    log.info("People keyed by name so far: {}", done.get());
                }
            })
            .blockLast();
        log.info("People keyed by name: {}", done.get());
    }

    /** Nothing to undo: earlier releases ignore the keys. */
    @RollbackExecution
    public void rollback() {
    }
}
