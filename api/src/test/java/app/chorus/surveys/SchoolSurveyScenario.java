package app.chorus.surveys;

import static org.assertj.core.api.Assertions.assertThat;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Oakfield's head asks Oakfield carers; carer.demo answers for Oliver (pup-000001). */
final class SchoolSurveyScenario {

    static final String OLIVER = "pup-000001";

    private SchoolSurveyScenario() {
    }

    static String open(SurveyFixtures surveys, String title, Anonymity anonymity) {
        return surveys.opened("head.oakfield", SurveyFixtures.draft(title, Audience.schools(Set.of("sch-001"), AudienceRole.CARERS), anonymity));
    }

    /** Nothing of the survey's answers was written: no response, no participation mark, no counted tally. */
    static void assertNothingWritten(ReactiveMongoTemplate mongo, String surveyId) {
        Query ofSurvey = Query.query(Criteria.where("surveyId").is(surveyId));
        assertThat(mongo.count(ofSurvey, "survey_responses").block()).isZero();
        assertThat(mongo.count(Query.query(Criteria.where("surveyId").is(surveyId).and("state").ne("DRAFT")), "survey_participation").block())
            .isZero();
        assertThat(mongo.find(ofSurvey, Document.class, "survey_tallies").collectList().block())
            .allSatisfy(tally -> assertThat(tally.keySet()).as("counters").noneMatch(field -> field.equals("c") || field.startsWith("c:")));
    }
}
