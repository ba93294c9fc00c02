package app.chorus.surveys.internal;

import app.chorus.shared.Problem;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.time.Duration;
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

    /** How long answering may use a survey read earlier (closing on another instance takes effect within it). */
    static final long FRESH_FOR_MS = 1_000;

    private final ReactiveMongoTemplate mongo;
    private final Cache<String, Survey> recent = Caffeine.newBuilder().maximumSize(1_000)
        .expireAfterWrite(Duration.ofMillis(FRESH_FOR_MS)).build();

    SurveyStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * The survey for answering: read at most once a second per instance (every submission needs it; changes made
     * through this instance are seen at once).
     */
    public Mono<Survey> forAnswering(String surveyId) {
        Survey cached = recent.getIfPresent(surveyId);
        if (cached != null) {
            return Mono.just(cached);
        }
        return require(surveyId).doOnNext(survey -> recent.put(surveyId, survey));
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
        return mongo.save(survey).doOnNext(saved -> recent.invalidate(saved.id()));
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
                new Update().set("answered", true).inc("version", 1), Survey.class)
            .doOnNext(result -> recent.invalidate(survey.id()))
            .then();
    }

    /** Records that every listener confirmed the opening event. */
    public Mono<Void> markOpeningAnnounced(String surveyId, Instant at) {
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(surveyId)),
            new Update().set("openingAnnouncedAt", at), Survey.class).then();
    }
}
