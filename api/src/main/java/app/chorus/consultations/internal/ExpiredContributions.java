package app.chorus.consultations.internal;

import app.chorus.retention.ExpiringData;
import app.chorus.retention.RetainedData;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Contributions past retention, one ended consultation at a time: its ideas and comments no longer name their authors,
 * its named supports are stored again under keys nobody can trace and the list of who took part goes (its counters stay), then the
 * consultation is marked {@code contributionsDetachedAt}. The
 * text (already moderated), the support counts and the published outcome stay, so the record of the consultation
 * reads the same.
 */
@Component
class ExpiredContributions implements ExpiringData {

    static final String DETACHED_AT = "contributionsDetachedAt";
    private final ReactiveMongoTemplate mongo;
    private final ErasedContributors supporters;

    ExpiredContributions(ReactiveMongoTemplate mongo, ErasedContributors supporters) {
        this.mongo = mongo;
        this.supporters = supporters;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.CONSULTATION_CONTRIBUTIONS;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        Query ended = Query.query(Criteria.where("endsAt").lt(Date.from(expiredBefore)).and(DETACHED_AT).exists(false));
        ended.fields().include("_id");
        return mongo.find(ended, Document.class, Consultation.COLLECTION)
            .concatMap(consultation -> detach(consultation.getString("_id")));
    }

    /** Detaches every author and supporter of one consultation; how many contributions it changed. */
    Mono<Long> detach(String consultationId) {
        return detachAll(consultationId, "authorId", Idea.COLLECTION)
            .zipWith(detachAll(consultationId, "authorId", Comment.COLLECTION), Long::sum)
            .zipWith(supporters.detachSupports(Query.query(Criteria.where("consultationId").is(consultationId)
                .and("personId").exists(true))), Long::sum)
            .zipWith(mongo.remove(Query.query(Criteria.where("consultationId").is(consultationId)), Participants.PEOPLE)
                .map(result -> result.getDeletedCount()), Long::sum)
            .flatMap(changed -> mongo.updateFirst(Query.query(Criteria.where("_id").is(consultationId)),
                new Update().set(DETACHED_AT, new Date()), Consultation.COLLECTION).thenReturn(changed));
    }

    private Mono<Long> detachAll(String consultationId, String field, String collection) {
        return mongo.updateMulti(Query.query(Criteria.where("consultationId").is(consultationId).and(field).exists(true)),
            new Update().unset(field), collection).map(result -> result.getModifiedCount());
    }
}
