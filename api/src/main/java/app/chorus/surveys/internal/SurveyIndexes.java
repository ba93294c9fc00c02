package app.chorus.surveys.internal;

import app.chorus.platform.StoreIndexes;
import app.chorus.platform.StoreIndexes.On;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/** The indexes the surveys queries need ({@link StoreIndexes}). */
@Component
class SurveyIndexes extends StoreIndexes {

    SurveyIndexes(ReactiveMongoTemplate mongo) {
        super(mongo, "survey",
            new On(Survey.COLLECTION, "status"),
            new On(Survey.COLLECTION, "ownerId"),
            new On(Responses.COLLECTION, "surveyId", "_id"),
            new On(Tallies.COLLECTION, "surveyId"),
            new On(Participations.COLLECTION, "state", "pendingSince"),
            new On(Participations.COLLECTION, "surveyId", "responseId"),
            On.expiring(GoalAlerts.COLLECTION, GoalAlerts.CLAIMED_AT, GoalAlerts.CLAIMS_KEPT));
    }
}
