package app.chorus.surveys;

import app.chorus.directory.Audience;
import java.time.Instant;

/**
 * A survey opened for answers. Published at least once per {@code surveyId} (the survey records when delivery
 * was confirmed and re-publishes unconfirmed openings), so listeners are idempotent on {@code surveyId}.
 * Notifications listens to push the invitation and to schedule reminders until {@code closesAt}; who has not
 * answered yet is asked through {@code GET /api/v1/surveys/waiting} per person.
 *
 * @param surveyId the survey
 * @param audience who is asked
 * @param title    the survey title (trust default language)
 * @param closesAt when answers stop being accepted, or null when the survey stays open until closed by hand
 */
public record SurveyOpened(String surveyId, Audience audience, String title, Instant closesAt) {
}
