package app.chorus.surveys.internal;

import app.chorus.directory.AudienceResolver;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The survey side of {@code ./chorus bench replicas}, run inside one api instance: the benchmark's ten-question survey
 * opened to the trust's carers, the (carer, child) pairs that answer it, and the full recount at the end.
 */
public final class ReplicaSurveys {

    private ReplicaSurveys() {
    }

    /** Opens a new trust-wide survey; its id. */
    public static String open(ApplicationContext api) {
        SurveyStore store = api.getBean(SurveyStore.class);
        Survey survey = SurveyBenchmark.openSurvey(store);
        // nobody is invited: the periodic work would push the opening to every carer, counted with the fan-out's pushes
        store.markOpeningAnnounced(survey.id(), Instant.now()).block();
        return survey.id();
    }

    /** Up to {@code wanted} (carer person id, pupil id) pairs, one per child. */
    public static List<String[]> units(ApplicationContext api, int wanted) {
        return SurveyBenchmark.childUnits(api.getBean(AudienceResolver.class), wanted);
    }

    public static Map<String, Object> randomAnswers() {
        return BenchQuestionnaire.randomAnswers();
    }

    /** "respondents=N match=B": the served respondent count and whether every tally equals a full recount. */
    public static String recount(ApplicationContext api, String surveyId) {
        Survey survey = api.getBean(SurveyStore.class).require(surveyId).block();
        long respondents = api.getBean(SurveyResults.class).results(survey, null).block().respondents();
        boolean match = api.getBean(Tallies.class).matchRecomputation(surveyId, survey.questionnaire()).block();
        return "respondents=" + respondents + " match=" + match;
    }

    /**
     * Deletes a measured survey's answers, marks and tally cells (the survey itself stays): each instance count then
     * starts on a store holding what the first did, not every earlier count's answers. Returns how many went.
     */
    public static long forget(ApplicationContext api, String surveyId) {
        ReactiveMongoTemplate mongo = api.getBean(ReactiveMongoTemplate.class);
        return Flux.just(Responses.COLLECTION, Participations.COLLECTION, Tallies.COLLECTION)
            .concatMap(name -> mongo.getCollection(name)
                .flatMap(collection -> Mono.from(collection.deleteMany(Filters.eq("surveyId", surveyId)))))
            .map(deleted -> deleted.getDeletedCount())
            .reduce(0L, Long::sum)
            .block();
    }
}
