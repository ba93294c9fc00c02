package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.surveys.Anonymity;
import java.time.Instant;
import java.util.UUID;

/** An open, anonymous, trust-wide carer survey with the fixtures' questionnaire, stored directly. */
final class AnonymousCarerSurveys {

    private AnonymousCarerSurveys() {
    }

    static Survey opened(SurveyStore surveys, String title) {
        SurveyDraft draft = new SurveyDraft(title, null, Audience.trust(AudienceRole.CARERS), Anonymity.ANONYMOUS,
            false, null, null, app.chorus.surveys.SurveyFixturesAccess.questionnaire());
        Survey survey = Survey.draft("srv-" + UUID.randomUUID(), draft, "stf-00001", Instant.now());
        survey.open(Instant.now());
        return surveys.insert(survey).block();
    }
}
