package app.chorus.surveys.internal;

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

/**
 * Answers past retention, one closed survey at a time: its responses deleted, the confidential marks no longer
 * naming anyone, then the survey marked {@code responsesPurgedAt}. The tallies were counted when the answers came and
 * stay, so the results read the same; the marks stay so nobody answers twice.
 */
@Component
class ExpiredResponses implements ExpiringData {

    static final String PURGED_AT = "responsesPurgedAt";
    private final ReactiveMongoTemplate mongo;

    ExpiredResponses(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public RetainedData kind() {
        return RetainedData.SURVEY_RESPONSES;
    }

    @Override
    public Flux<Long> purge(Instant expiredBefore, String runId) {
        Date before = Date.from(expiredBefore);
        Criteria closedBefore = new Criteria().orOperator(Criteria.where("closedAt").lt(before),
            Criteria.where("closedAt").exists(false).and("closesAt").lt(before));
        Query expired = Query.query(new Criteria().andOperator(closedBefore, Criteria.where(PURGED_AT).exists(false)));
        expired.fields().include("_id");
        return mongo.find(expired, Document.class, Survey.COLLECTION)
            .concatMap(survey -> purgeSurvey(survey.getString("_id")));
    }

    private reactor.core.publisher.Mono<Long> purgeSurvey(String surveyId) {
        Query ofSurvey = Query.query(Criteria.where("surveyId").is(surveyId));
        return mongo.remove(ofSurvey, Responses.COLLECTION)
            .flatMap(removed -> mongo.updateMulti(Query.query(new Criteria().andOperator(Criteria.where("surveyId")
                    .is(surveyId), ConfidentialIdentities.identified())), ConfidentialIdentities.forgotten(),
                    Participations.COLLECTION)
                .then(mongo.updateFirst(Query.query(Criteria.where("_id").is(surveyId)),
                    new Update().set(PURGED_AT, new Date()), Survey.COLLECTION))
                .thenReturn(removed.getDeletedCount()));
    }
}
