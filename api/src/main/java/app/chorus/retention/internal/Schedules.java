package app.chorus.retention.internal;

import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The schedule: one document ({@code retention_schedule}, id {@code trust}) changed by single-document updates. */
@Component
class Schedules {

    static final String COLLECTION = "retention_schedule";
    private static final String ID = "trust";
    private static final String PERIODS = "periods";

    /** Each kind's period (the default where the trust set none) and when the trust last changed one. */
    record Schedule(Map<RetainedData, Period> periods, Instant updatedAt) {
    }

    private final ReactiveMongoTemplate mongo;

    Schedules(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Schedule> current() {
        return mongo.findById(ID, Document.class, COLLECTION).map(Schedules::of)
            .defaultIfEmpty(of(new Document()));
    }

    Mono<Void> set(Map<RetainedData, Period> changes, String by, Instant at) {
        Update update = new Update().set("updatedAt", Date.from(at)).set("updatedBy", by);
        changes.forEach((kind, period) -> update.set(PERIODS + "." + kind.field(), period.toString()));
        return mongo.upsert(Query.query(Criteria.where("_id").is(ID)), update, COLLECTION).then();
    }

    private static Schedule of(Document stored) {
        Document set = stored.get(PERIODS, Document.class);
        Map<RetainedData, Period> periods = new EnumMap<>(RetainedData.class);
        for (RetainedData kind : RetainedData.values()) {
            String value = set == null ? null : set.getString(kind.field());
            periods.put(kind, value == null ? kind.byDefault() : Period.parse(value));
        }
        Date updatedAt = stored.getDate("updatedAt");
        return new Schedule(periods, updatedAt == null ? null : updatedAt.toInstant());
    }
}
