package app.chorus.surveys.internal;

import app.chorus.questionnaires.Questionnaire;
import app.chorus.surveys.Anonymity;
import java.time.Instant;
import java.util.List;

/** What a respondent is shown before and while answering. */
public record SurveyForm(String surveyId, String title, String description, Anonymity anonymity,
                         String anonymityStatement, SurveyStatus status, Instant closesAt, Questionnaire questionnaire,
                         List<FormUnit> units) {

    /** One answer the person owes: for themself ("self") or for a child (the pupil's id). */
    public record FormUnit(String unit, String label, String pupilId, boolean answered, boolean draft) {
    }

    static SurveyForm of(Survey survey, SurveyStatus status, List<FormUnit> units) {
        return new SurveyForm(survey.id(), survey.title(), survey.description(), survey.anonymity(),
            survey.anonymity().statement(), status, survey.closesAt(), survey.questionnaire(), units);
    }
}
