package app.chorus.surveys;

import app.chorus.directory.Audience;
import java.time.Instant;

/**
 * A survey open now or planned to open: an ask of its audience over a time (for the consultation fatigue calendar).
 *
 * @param opensAt  when it opened or will open (null when it opens by hand)
 * @param closesAt when it closes, or null when it stays open until closed by hand
 */
public record ScheduledSurvey(String surveyId, String title, Audience audience, Instant opensAt, Instant closesAt) {
}
