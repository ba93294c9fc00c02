package app.chorus.surveys.internal;

import app.chorus.directory.Audience;
import app.chorus.questionnaires.Questionnaire;
import app.chorus.surveys.Anonymity;
import java.time.Instant;

/** What an owner writes when creating or editing a survey (audience and anonymity are fixed at creation). */
public record SurveyDraft(String title, String description, Audience audience, Anonymity anonymity,
                          Boolean eachCarerAnswers, Instant opensAt, Instant closesAt, Questionnaire questionnaire) {

    public SurveyDraft {
        eachCarerAnswers = Boolean.TRUE.equals(eachCarerAnswers);
    }
}
