package app.chorus.surveys;

import app.chorus.questionnaires.Questionnaire;

/** The fixtures' parent questionnaire for tests outside this package. */
public final class SurveyFixturesAccess {

    private SurveyFixturesAccess() {
    }

    public static Questionnaire questionnaire() {
        return SurveyFixtures.parentQuestionnaire();
    }
}
