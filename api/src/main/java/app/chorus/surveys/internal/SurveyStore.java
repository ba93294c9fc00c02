package app.chorus.surveys.internal;

import app.chorus.shared.Problem;
import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Survey aggregates in {@code surveys}; saves are optimistic (the {@code @Version} field). */
@Component
public class SurveyStore {

    private final ReactiveMongoTemplate mongo;

    SurveyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<Survey> find(String surveyId) {
        return mongo.findById(surveyId, Survey.class);
    }

    public Mono<Survey> require(String surveyId) {
        return find(surveyId).switchIfEmpty(Mono.error(() -> Problem.notFound("Survey " + surveyId)));
    }

    public Mono<Survey> insert(Survey survey) {
        return mongo.insert(survey);
    }

    public Mono<Survey> save(Survey survey) {
        return mongo.save(survey);
    }

    /** Open and scheduled surveys (a small set: a trust runs a handful at a time). */
    public Flux<Survey> live() {
        return mongo.find(Query.query(Criteria.where("status").in(SurveyStatus.OPEN, SurveyStatus.SCHEDULED)), Survey.class);
    }

    public Flux<Survey> all() {
        return mongo.findAll(Survey.class);
    }

    public Flux<Survey> ownedBy(String ownerId) {
        return mongo.find(Query.query(Criteria.where("ownerId").is(ownerId)), Survey.class);
    }

    /** Records that the first answer arrived: from now on the questionnaire's meaning is fixed. */
    public Mono<Void> markAnswered(Survey survey) {
        if (survey.answered()) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(survey.id()).and("answered").is(false)),
            new Update().set("answered", true).inc("version", 1), Survey.class).then();
    }

    /** Records that every listener confirmed the opening event. */
    public Mono<Void> markOpeningAnnounced(String surveyId, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(surveyId)),
            new Update().set("openingAnnouncedAt", at), Survey.class).then();
    }
}
