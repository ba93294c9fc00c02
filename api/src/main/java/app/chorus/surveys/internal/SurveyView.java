package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.surveys.Anonymity;
import java.time.Instant;

/** A survey as its managers see it; {@code carersStatement} says who answers for a child (the audience preview);
 * {@code responseGoal} is the response rate in percent each school should reach, if its leaders set one. */
public record SurveyView(String id, String title, String description, Audience audience, Anonymity anonymity,
                         String anonymityStatement, boolean eachCarerAnswers, boolean parentsAndGuardiansOnly,
                         String carersStatement, SurveyStatus status, Instant opensAt,
                         Instant closesAt, Instant openedAt, Instant closedAt, boolean answered,
                         Questionnaire questionnaire, Integer responseGoal) {

    public static SurveyView of(Survey survey, Instant now) {
        return new SurveyView(survey.id(), survey.title(), survey.description(), survey.audience(), survey.anonymity(),
            survey.anonymity().statement(), survey.eachCarerAnswers(), survey.parentsAndGuardiansOnly(),
            survey.carersStatement(), survey.statusAt(now), survey.opensAt(),
            survey.closesAt(), survey.openedAt(), survey.closedAt(), survey.answered(), survey.questionnaire(),
            survey.responseGoal());
    }
}
