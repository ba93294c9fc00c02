package app.chorus.surveys.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The indexes a real MongoDB needs for the surveys queries (the embedded store accepts and ignores them). Uniqueness
 * that correctness depends on is always on {@code _id}, which every store enforces.
 */
@Component
class SurveyIndexes {

    private static final Logger log = LoggerFactory.getLogger(SurveyIndexes.class);

    private final ReactiveMongoTemplate mongo;

    SurveyIndexes(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensure() {
        Flux.concat(
                mongo.indexOps(Survey.COLLECTION).createIndex(new Index().on("status", Direction.ASC)),
                mongo.indexOps(Survey.COLLECTION).createIndex(new Index().on("ownerId", Direction.ASC)),
                mongo.indexOps(Responses.COLLECTION).createIndex(new Index().on("surveyId", Direction.ASC).on("_id", Direction.ASC)),
                mongo.indexOps(Tallies.COLLECTION).createIndex(new Index().on("surveyId", Direction.ASC)),
                mongo.indexOps(Participations.COLLECTION).createIndex(new Index().on("state", Direction.ASC).on("pendingSince", Direction.ASC)),
                mongo.indexOps(Participations.COLLECTION).createIndex(new Index().on("surveyId", Direction.ASC).on("responseId", Direction.ASC)))
            .doOnError(failure -> log.warn("Could not create survey indexes; queries still work, only slower", failure))
            .onErrorComplete()
            .subscribe();
    }
}
