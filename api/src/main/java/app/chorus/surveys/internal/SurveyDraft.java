package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.directory.AudienceRole;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.surveys.Anonymity;
import java.time.Instant;

/**
 * What an owner writes when creating or editing a survey (audience and anonymity are fixed at creation).
 *
 * @param namedForPupilsReason why pupils are asked by name: a named survey addressed to pupils needs a leader to give
 *                             it (ICO Children's Code: pupils' defaults are the most private); it is kept in the audit
 * @param parentsAndGuardiansOnly a consent-like survey: a child's answers come from their parents and guardians on the
 *                             roster, not from other relatives (fixed at creation)
 */
public record SurveyDraft(String title, String description, Audience audience, Anonymity anonymity,
                          Boolean eachCarerAnswers, Instant opensAt, Instant closesAt, Questionnaire questionnaire,
                          String namedForPupilsReason, Boolean parentsAndGuardiansOnly) {

    public SurveyDraft {
        eachCarerAnswers = Boolean.TRUE.equals(eachCarerAnswers);
        parentsAndGuardiansOnly = Boolean.TRUE.equals(parentsAndGuardiansOnly);
    }

    public SurveyDraft(String title, String description, Audience audience, Anonymity anonymity, Boolean eachCarerAnswers,
                       Instant opensAt, Instant closesAt, Questionnaire questionnaire, String namedForPupilsReason) {
        this(title, description, audience, anonymity, eachCarerAnswers, opensAt, closesAt, questionnaire, namedForPupilsReason, null);
    }

    public SurveyDraft(String title, String description, Audience audience, Anonymity anonymity, Boolean eachCarerAnswers,
                       Instant opensAt, Instant closesAt, Questionnaire questionnaire) {
        this(title, description, audience, anonymity, eachCarerAnswers, opensAt, closesAt, questionnaire, null);
    }

    boolean asksPupilsByName() {
        return anonymity == Anonymity.NAMED && audience != null && audience.roles().contains(AudienceRole.PUPILS);
    }
}
